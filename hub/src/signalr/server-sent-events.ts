// The Server-Sent Events transport (TransportProtocols.md "Server-Sent Events"): `GET {hub}?id=…` with
// `Accept: text/event-stream` is the receive half, one unnamed event per record, its text in `data:`
// lines; sends are POSTs as for long polling. Text transfer format only. The connection ends with the
// response.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubConnection, Transport } from './connection.ts';
import { HttpSendChannel } from './http-send.ts';

export class ServerSentEventsTransport implements Transport {
  readonly name = 'ServerSentEvents';
  readonly inherentKeepAlive = false;
  private sending: HttpSendChannel | undefined;
  private connection: HubConnection | undefined;

  constructor(
    private readonly response: ServerResponse,
    private readonly maxBufferedBytes: number,
  ) {}

  /** Starts the event stream and ties the connection's life to it. */
  attach(connection: HubConnection): void {
    this.connection = connection;
    this.sending = new HttpSendChannel(connection);
    this.response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-store',
      'Content-Encoding': 'identity',
      'X-Accel-Buffering': 'no',
    });
    // A comment first, as ASP.NET writes: Firefox's EventSource fires `open` only once data arrives,
    // and the client sends its handshake only after `open`, so without it Firefox waits out the handshake timeout.
    this.response.write(':\r\n');
    this.response.once('close', () => connection.transportClosed());
  }

  post(request: IncomingMessage, response: ServerResponse): void {
    this.sending!.post(request, response);
  }

  send(record: string): void {
    const { response } = this;
    if (response.writableEnded || response.destroyed) return;
    if (response.writableLength > this.maxBufferedBytes) {
      this.connection?.dropSlowClient(response.writableLength);
      response.destroy(); // a client this far behind is gone or hopeless
      return;
    }
    // JSON never holds a raw line break, but a record must not smuggle in a field of its own.
    response.write(`data: ${record.replace(/\r\n|\r|\n/g, '\ndata: ')}\n\n`);
  }

  end(): void {
    if (!this.response.writableEnded) this.response.end();
  }
}
