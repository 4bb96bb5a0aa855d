// The send half of the HTTP transports (long polling, Server-Sent Events): `POST {hub}?id=…` carries
// client records; the body streams into the connection as it arrives. One POST at a time: 409 otherwise.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubConnection } from './connection.ts';
import { replyText } from './http.ts';

export class HttpSendChannel {
  private posting = false;

  constructor(private readonly connection: HubConnection) {}

  post(request: IncomingMessage, response: ServerResponse): void {
    if (this.posting) {
      replyText(response, 409, 'Cannot send a message while another send is in progress.');
      return;
    }
    this.posting = true;
    const done = () => {
      this.posting = false;
    };
    request.on('data', (chunk: Buffer) => this.connection.receive(chunk));
    request.once('end', () => {
      done();
      replyText(response, 200, '');
    });
    request.once('error', done);
    response.once('close', done);
  }
}
