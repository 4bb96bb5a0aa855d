// IceServerLease on its own: when it asks the hub, and what a slow or failing hub does to a call's start.
import { expect } from '@open-wc/testing';
import { IceServerLease, type IceServerList } from '../../src/services/ice-servers.js';

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
