// The hub client (JSON hub protocol): against the reference hub, and with a scripted connection for what
// a well-behaved hub never does (handshake errors, torn records, a Close that forbids reconnecting).
import { expect, waitUntil } from '@open-wc/testing';
import { LogLevel } from '@microsoft/signalr';
import type { HubConnectionTransport } from '../../src/services/signaling/signalr-transport.js';
import { HubClient } from '../../src/services/signaling/hub-client.js';
import { SignalRTransport } from '../../src/services/signaling/signalr-transport.js';
import { user } from '../support/directory.js';
import { devToken, hubUrl } from '../support/parties.js';

const RS = '\x1e';

async function hubTransport(): Promise<SignalRTransport> {
  const hub = await hubUrl('extended');
  const accessToken = await devToken(hub, user('dave').id);
  return new SignalRTransport(`${hub}/chathub`, {
    accessTokenFactory: () => accessToken,
    withCredentials: false,
    logLevel: LogLevel.None,
  });
}

/** Records what the client sends, and lets a test speak for the hub. */
class ScriptedConnection implements HubConnectionTransport {
  readonly features = {};
  baseUrl = 'scripted';
  onreceive: ((data: string | ArrayBuffer) => void) | null = null;
  onclose: ((error?: Error) => void) | null = null;
  readonly sent: Array<{ type?: number; invocationId?: string; target?: string; error?: string; protocol?: string }> =
    [];
  starts = 0;

  constructor(private readonly handshakeReply = `{}${RS}`) {}

  async start(): Promise<void> {
    this.starts++;
  }

  async send(data: string | ArrayBuffer): Promise<void> {
    const message = JSON.parse(String(data).slice(0, -1));
    this.sent.push(message);
    if (message.protocol) queueMicrotask(() => this.hubSends(this.handshakeReply));
  }

  async stop(error?: Error): Promise<void> {
    this.onclose?.(error);
  }

  /** As a transport does: a record the client cannot read closes the connection with that error. */
  hubSends(text: string): void {
    try {
      this.onreceive?.(text);
    } catch (error) {
      this.onclose?.(error as Error);
    }
  }
}

function watch(client: HubClient) {
  const seen: string[] = [];
  client.onreconnecting = () => seen.push('reconnecting');
  client.onreconnected = () => seen.push('reconnected');
  client.onclose = (error) => seen.push(`closed${error ? `: ${error.message}` : ''}`);
  return seen;
}

describe('HubClient with the reference hub', () => {
  let client: HubClient;
  afterEach(() => client.stop());

  it("invokes hub methods, and rejects with the hub's own error text", async () => {
    client = new HubClient(await hubTransport(), { reconnectDelaysMs: [] });
    await client.start();
    expect(client.state).to.equal('connected');
    expect(await client.invoke('GetHubInfoAsync')).to.include({ protocol: 'thrume-calls' });
    const error = await client.invoke('NoSuchMethodAsync').catch((e: Error) => e);
    expect((error as Error).message).to.equal(
      "Failed to invoke 'NoSuchMethodAsync' due to an error on the server. HubException: Method does not exist.",
    );
  });

  it('pings the hub whenever it has sent nothing for the keep-alive interval', async () => {
    const transport = await hubTransport();
    const sent: string[] = [];
    const send = transport.send.bind(transport);
    transport.send = (data) => (sent.push(String(data)), send(data));
    client = new HubClient(transport, { reconnectDelaysMs: [], keepAliveMs: 100 });
    await client.start();
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(sent.filter((d) => d === `{"type":6}${RS}`).length).to.be.at.least(3); // one after the handshake, then every 100 ms
  });

  it('drops a hub that has gone silent past the server timeout, and reconnects', async () => {
    client = new HubClient(await hubTransport(), { reconnectDelaysMs: [0], serverTimeoutMs: 300 });
    const seen = watch(client);
    await client.start();
    await waitUntil(() => seen.includes('reconnected'), 'no reconnect', { timeout: 5000 }); // the hub pings only every 15 s
    expect(seen.slice(0, 2)).to.deep.equal(['reconnecting', 'reconnected']);
  });

  it('says goodbye on stop and refuses to send afterwards', async () => {
    client = new HubClient(await hubTransport(), { reconnectDelaysMs: [0] });
    const seen = watch(client);
    await client.start();
    await client.stop();
    expect(seen).to.deep.equal(['closed']);
    expect(client.state).to.equal('disconnected');
    const error = await client.invoke('GetHubInfoAsync').catch((e: Error) => e);
    expect((error as Error).message).to.equal('Cannot send to the hub while disconnected.');
  });
});

describe('HubClient with a scripted hub', () => {
  it("fails to start with the hub's handshake error", async () => {
    const client = new HubClient(new ScriptedConnection(`{"error":"The protocol 'json' is not supported."}${RS}`), {
      reconnectDelaysMs: [],
    });
    const error = await client.start().catch((e: Error) => e);
    expect((error as Error).message).to.equal("Server returned handshake error: The protocol 'json' is not supported.");
    expect(client.state).to.equal('disconnected');
  });

  it('resolves invocations with their completions, and fails those pending when the connection drops', async () => {
    const connection = new ScriptedConnection();
    const client = new HubClient(connection, { reconnectDelaysMs: [] });
    const seen = watch(client);
    await client.start();
    const answered = client.invoke('A');
    const unanswered = client.invoke('B');
    const [a, b] = connection.sent.filter((m) => m.type === 1);
    connection.hubSends(`{"type":3,"invocationId":"${a.invocationId}","result":"yes"}${RS}`);
    expect(await answered).to.equal('yes');
    expect(b.invocationId).to.not.equal(a.invocationId);
    await connection.stop(new Error('network gone'));
    expect(((await unanswered.catch((e: Error) => e)) as Error).message).to.equal('network gone');
    expect(seen).to.deep.equal(['closed: network gone']); // no delays left to reconnect with
  });

  it("hands the hub's invocations to every handler, in order, whatever their case, and answers one that wants a result it has no handler for", async () => {
    const connection = new ScriptedConnection();
    const client = new HubClient(connection, { reconnectDelaysMs: [] });
    const got: unknown[][] = [];
    client.on('CallEnded', (...args) => got.push(['first', ...args]));
    client.on('callEnded', (...args) => got.push(['second', ...args])); // adds one, as SignalR's `on` does
    await client.start();
    connection.hubSends(`{"type":1,"target":"callended","arguments":["c1","hangup"]}${RS}{"type":6}${RS}`);
    connection.hubSends(`{"type":1,"invocationId":"7","target":"AskClient","arguments":[]}${RS}`);
    expect(got).to.deep.equal([
      ['first', 'c1', 'hangup'],
      ['second', 'c1', 'hangup'],
    ]);
    expect(connection.sent.at(-1)).to.deep.equal({
      type: 3,
      invocationId: '7',
      error: "Client didn't provide a result.",
    });
  });

  it('reconnects after a Close that allows it, and not after one that does not', async () => {
    const connection = new ScriptedConnection();
    const client = new HubClient(connection, { reconnectDelaysMs: [0, 0] });
    const seen = watch(client);
    await client.start();
    connection.hubSends(`{"type":7,"allowReconnect":true}${RS}`);
    await waitUntil(() => seen.includes('reconnected'), 'no reconnect', { timeout: 5000 });
    expect(connection.starts).to.equal(2);
    connection.hubSends(`{"type":7,"error":"Connection closed with an error."}${RS}`);
    expect(seen).to.deep.equal([
      'reconnecting',
      'reconnected',
      'closed: Server returned an error on close: Connection closed with an error.',
    ]);
    expect(connection.starts).to.equal(2);
  });

  it('closes the connection on a torn record rather than guess at it', async () => {
    const connection = new ScriptedConnection();
    const client = new HubClient(connection, { reconnectDelaysMs: [] });
    const seen = watch(client);
    await client.start();
    connection.hubSends('{"type":1,"target":"CallEnded","argu');
    expect(seen).to.deep.equal(['closed: The hub sent an incomplete message.']);
  });
});
