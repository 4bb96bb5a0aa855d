// IceServerLease on its own: when it asks the hub, and what a slow or failing hub does to a call's start;
// and in a call on the reference hub, the list asked for again when a rejoin restarts ICE.
import { expect, waitUntil } from '@open-wc/testing';
import { IceServerLease, type IceServerList } from '../../src/services/ice-servers.js';
import { connectCall, hubParties, until, type Parties } from '../support/parties.js';
import { needs } from '../support/needs.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const list = (n: number, ttlSeconds: number | null = null): IceServerList => ({
  iceServers: [{ urls: `turn:relay-${n}.test` }],
  ttlSeconds,
});

describe('IceServerLease', () => {
  let lease: IceServerLease;
  afterEach(() => lease.stop());

  it('applies what the hub gives, and asks once for renewals made at the same time', async () => {
    let asked = 0;
    const applied: RTCIceServer[][] = [];
    lease = new IceServerLease(
      async () => list(++asked),
      (servers) => applied.push(servers),
    );
    await Promise.all([lease.renew(), lease.renew()]);
    expect(asked).to.equal(1);
    expect(applied).to.deep.equal([[{ urls: 'turn:relay-1.test' }]]);
    await lease.renew();
    expect(applied.map((s) => s[0].urls)).to.deep.equal(['turn:relay-1.test', 'turn:relay-2.test']);
  });

  it('renews by itself at half the TTL, and no more once stopped', async () => {
    let asked = 0;
    lease = new IceServerLease(
      async () => list(++asked, 0.2),
      () => undefined,
    );
    await lease.renew();
    await sleep(250); // renewals at 100 and 200 ms
    expect(asked).to.equal(3);
    lease.stop();
    await sleep(250);
    expect(asked).to.equal(3);
  });

  it('waits no longer than its limit for a slow hub, and applies the answer when it comes', async () => {
    const applied: RTCIceServer[][] = [];
    lease = new IceServerLease(
      () => sleep(300).then(() => list(1)),
      (servers) => applied.push(servers),
      50,
    );
    const started = performance.now();
    await lease.renew();
    expect(performance.now() - started).to.be.below(250);
    expect(applied).to.be.empty;
    await sleep(350);
    expect(applied).to.have.length(1);
  });

  it('never rejects when the hub fails, keeping the list in hand; a hub with no list changes nothing', async () => {
    const applied: RTCIceServer[][] = [];
    lease = new IceServerLease(
      () => Promise.reject(new Error('HTTP 503')),
      (servers) => applied.push(servers),
    );
    await lease.renew();
    lease.stop();
    lease = new IceServerLease(
      async () => null,
      (servers) => applied.push(servers),
    );
    await lease.renew();
    expect(applied).to.be.empty;
  });
});

/** Counts the page's requests to the hub's /api/call/ice-servers, by the user whose token asked (its `sub`). */
function countIceServerRequests() {
  const asked = new Map<string, number>();
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the original, put back as it was by restore()
  const realFetch = window.fetch;
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const token = new Headers(init?.headers).get('authorization')?.replace(/^Bearer /, '');
    if (url.pathname === '/api/call/ice-servers' && token) {
      const { sub } = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { sub: string };
      asked.set(sub, (asked.get(sub) ?? 0) + 1);
    }
    return realFetch(input, init);
  };
  return { of: (userId: string) => asked.get(userId) ?? 0, restore: () => (window.fetch = realFetch) };
}

needs('peerConnection', 'setConfiguration').describe("The hub's ICE servers in a call", () => {
  let parties: Parties;
  let requests: ReturnType<typeof countIceServerRequests>;
  afterEach(async () => {
    requests.restore();
    await parties.close();
  });

  it('are fetched again when a rejoin after a signaling drop restarts ICE', async () => {
    requests = countIceServerRequests();
    parties = hubParties('extended'); // it has TURN, so it offers the ice-servers feature
    const [alice, bob] = await Promise.all([
      parties.party('alice', { iceServers: undefined }),
      parties.party('bob', { iceServers: undefined }),
    ]);
    await connectCall(alice, bob);
    expect([requests.of(alice.id), requests.of(bob.id)], 'one list each for the call').to.deep.equal([1, 1]);

    // A network blip under the SignalR client: it reconnects, the kit rejoins the call and restarts ICE.
    (alice.signaling as unknown as { transport: { socket: WebSocket } }).transport.socket.close(4000, 'test: blip');
    await until(alice.controller, (s) => s.signaling === 'reconnecting');
    await until(alice.controller, (s) => s.signaling === 'connected');
    await waitUntil(() => requests.of(alice.id) === 2, 'no new list for the restart', { timeout: 5_000 });
    expect(alice.controller.state.status).to.equal('active');
    expect(requests.of(bob.id), 'the answerer restarts nothing of its own').to.equal(1);
  });
});
