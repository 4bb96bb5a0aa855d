// A client that stops reading: its send buffer grows past the limit, the hub disconnects it with a
// log line, and everyone else is still served.

import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { HubConnectionBuilder, HttpTransportType, LogLevel } from '@microsoft/signalr';
import { WebSocket } from 'ws';
import { createHubLog } from '../src/ops/hub-log.ts';
import { conversationAB, ids, waitFor } from './support/call-harness.ts';
import { startTestServer } from './support/hub-server.ts';

const RS = '\u001e';

describe('a client that stops reading', () => {
  it('is disconnected once its send buffer passes the limit, with a log line, and the others are still served', async () => {
    let logText = '';
    const log = createHubLog(
      new Writable({ write: (chunk: Buffer, _e, done) => ((logText += chunk.toString()), done()) }),
    );
    const s = await startTestServer({ THRUME_HUB_MODE: 'extended' }, undefined, {
      log: log.notice,
      observe: log.observe,
      signalr: { maxBufferedBytes: 256 * 1024 },
    });
    const aliceToken = await s.token('alice');
    const alice = new HubConnectionBuilder()
      .withUrl(`${s.hub.url}/chathub`, {
        accessTokenFactory: () => aliceToken,
        transport: HttpTransportType.WebSockets,
      })
      .configureLogging(LogLevel.None)
      .build();
    await alice.start();

    // Bob speaks the protocol by hand over a raw WebSocket, so that the test can stop his reading.
    const bobToken = await s.token('bob');
    const bob = new WebSocket(`${s.hub.url.replace('http', 'ws')}/chathub?access_token=${bobToken}`);
    const received: string[] = [];
    bob.on('message', (data) =>
      received.push(
        ...data
          .toString()
          .split(RS)
          .filter((r) => r !== ''),
      ),
    );
    const closed = new Promise<void>((resolve) => bob.once('close', () => resolve()));
    await new Promise((resolve) => bob.once('open', resolve));
    bob.send(`{"protocol":"json","version":1}${RS}`);
    await waitFor(() => received.includes('{}'), 3_000, 'handshake');
    try {
      const callId = await alice.invoke<string>('InitiateCallAsync', ids.bob, 'video', conversationAB);
      await waitFor(() => received.some((r) => r.includes('IncomingCall')), 3_000, 'ring');
      bob.send(
        `${JSON.stringify({ type: 1, target: 'AcceptCallAsync', arguments: [callId], invocationId: '1' })}${RS}`,
      );
      await waitFor(() => received.some((r) => r.includes('"invocationId":"1"')), 3_000, 'accept');

      const bobSocket = (bob as unknown as { _socket: { pause(): void; resume(): void } })._socket;
      bobSocket.pause(); // bob stops reading
      const offer = JSON.stringify({ type: 'offer', sdp: `v=0\r\na=${'x'.repeat(25_000)}\r\n` }); // 25 KB
      let sent = 0;
      const dropped = () => logText.includes('"event":"slow-client"');
      while (!dropped() && sent < 2_000) {
        await alice.invoke('SendOfferAsync', callId, offer);
        sent++;
      }
      assert.ok(dropped(), `bob was not disconnected after ${sent} offers`);
      bobSocket.resume(); // now he sees the connection end
      await closed;
      const line = JSON.parse(logText.split('\n').find((l) => l.includes('"event":"slow-client"'))!) as Record<
        string,
        unknown
      >;
      assert.equal(line.msg, 'disconnected a client that stopped reading');
      assert.equal(line.userId, ids.bob);
      assert.ok(Number(line.bufferedBytes) > 256 * 1024);

      // Everyone else is still served: alice's connection works, and so does the REST side.
      assert.equal(await alice.invoke('EndCallAsync', callId), null);
      const metrics = await (await fetch(`${s.hub.url}/metrics`)).text();
      assert.match(metrics, /^thrume_slow_client_disconnects_total 1$/m);
      assert.equal((await s.get('/api/call/history', aliceToken)).status, 200);
    } finally {
      bob.terminate();
      await alice.stop();
      await s.close();
    }
  });
});
