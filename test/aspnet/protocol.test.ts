// What Microsoft's server enforces, met by the kit: its 32 KB message limit, and its keep-alive and
// client timeout (15 s and 30 s by default).
import { expect } from '@open-wc/testing';
import type { CallError } from '../../src/services/errors.js';
import { aspnetParties, type Parties } from '../support/parties.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("ASP.NET Core SignalR's limits", () => {
  let parties: Parties;
  beforeEach(() => (parties = aspnetParties()));
  afterEach(() => parties.close());

  it('refuses, before sending, a message over the hub’s 32 KB limit, and stays connected', async () => {
    const alice = await parties.party('alice');
    const statuses: string[] = [];
    alice.signaling.events.on('status', ({ status }) => statuses.push(status));
    const offer = { type: 'offer' as const, sdp: `v=0\r\n${'a=x-padding:0123456789\r\n'.repeat(1500)}` };
    const error = (await alice.signaling
      .sendDescription(crypto.randomUUID(), offer)
      .catch((e: unknown) => e)) as CallError;
    expect(error.message).to.match(/SendOfferAsync .* over the hub's limit of 32,768 bytes/);
    await sleep(500); // the server would have closed the connection by now
    expect(statuses).to.deep.equal([]);
    expect(alice.controller.state.signaling).to.equal('connected');
  });

  it('stays connected through 35 s of silence, past the server’s 30 s client timeout', async function () {
    this.timeout(45_000);
    const alice = await parties.party('alice');
    const statuses: string[] = [];
    alice.signaling.events.on('status', ({ status }) => statuses.push(status));
    await sleep(35_000);
    expect(statuses).to.deep.equal([]);
    expect(alice.controller.state.signaling).to.equal('connected');
  });
});
