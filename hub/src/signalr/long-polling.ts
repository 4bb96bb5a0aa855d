// The long-polling transport (TransportProtocols.md "Long Polling"), as @microsoft/signalr uses it:
//   GET  {hub}?id=…  the first poll answers 200 with no data at once; later polls wait for data (200 with
//                    every queued record) or the poll timeout (200 empty); a newer poll ends the older with
//                    204, and once the server ended the connection the next poll gets 204.
//   POST {hub}?id=…  client-to-server records (HttpSendChannel); a concurrent POST gets 409.
//   DELETE {hub}?id=… the client leaves: 202, the pending poll gets 204.
// A connection with no poll outstanding for the disconnect timeout is considered gone.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubConnection, Transport } from './connection.ts';
import { HttpSendChannel } from './http-send.ts';

export interface LongPollingOptions {
  readonly pollTimeoutMs: number;
  readonly disconnectTimeoutMs: number;
  /** A client that lets this many bytes pile up unpolled is dropped. */
  readonly maxBufferedBytes: number;
}

interface PendingPoll {
  readonly response: ServerResponse;
  readonly timer: NodeJS.Timeout;
}

export class LongPollingTransport implements Transport {
  readonly name = 'LongPolling';
  readonly inherentKeepAlive = true;
  private connection: HubConnection | undefined;
  private queue: string[] = [];
  private queuedBytes = 0;
  private pending: PendingPoll | undefined;
  private flushScheduled = false;
  private sending: HttpSendChannel | undefined;
  private ended = false; // the server ended the connection: drain the queue, then 204
  private finished = false; // nothing more will be served
  private lastPollEndedAt = performance.now();

  /** `onFinished` runs once, when the id can be forgotten. */
  constructor(
    private readonly options: LongPollingOptions,
    private readonly onFinished: () => void,
  ) {}

  attach(connection: HubConnection): void {
    this.connection = connection;
    this.sending = new HttpSendChannel(connection);
  }

  /** The first poll, which starts the connection: 200 with no data, at once. */
  firstPoll(response: ServerResponse): void {
    this.lastPollEndedAt = performance.now();
    respond(response, 200);
  }

  poll(request: IncomingMessage, response: ServerResponse): void {
    if (this.pending) this.endPoll(204); // superseded by the newer poll
    if (this.queue.length > 0) {
      this.deliver(response);
      return;
    }
    if (this.ended || this.finished) {
      respond(response, 204);
      this.finish();
      return;
    }
    const timer = setTimeout(() => this.endPoll(200), this.options.pollTimeoutMs);
    this.pending = { response, timer };
    request.socket.setTimeout(0);
    response.once('close', () => {
      if (this.pending?.response !== response) return;
      clearTimeout(timer); // the client went away or aborted the poll
      this.pending = undefined;
      this.lastPollEndedAt = performance.now();
    });
  }

  post(request: IncomingMessage, response: ServerResponse): void {
    this.sending!.post(request, response);
  }

  /** The client's DELETE: the connection ends without any further message. */
  delete(response: ServerResponse): void {
    this.ended = true;
    this.endPoll(204);
    respond(response, 202);
    this.finish();
  }

  send(record: string): void {
    if (this.ended || this.finished) return;
    this.queue.push(record);
    this.queuedBytes += record.length;
    if (this.queuedBytes > this.options.maxBufferedBytes) {
      this.connection?.dropSlowClient(this.queuedBytes);
      this.queue = [];
      this.ended = true;
      this.endPoll(204);
      this.finish();
      return;
    }
    if (this.pending && !this.flushScheduled) {
      // Let records sent in the same turn (a completion and a push, say) go in one response.
      this.flushScheduled = true;
      queueMicrotask(() => {
        this.flushScheduled = false;
        if (this.pending && this.queue.length > 0) {
          const { response, timer } = this.pending;
          clearTimeout(timer);
          this.pending = undefined;
          this.deliver(response);
        }
      });
    }
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.pending && this.queue.length === 0) this.endPoll(204);
    else if (this.pending) this.endPoll(200);
  }

  /** Server shutdown: hand queued records to a waiting poll, then stop serving this id. */
  shutdown(): void {
    this.end();
    this.finish();
  }

  /** Driven by the server's timer: detects clients that stopped polling. */
  tick(now: number): void {
    if (this.finished || this.pending) return;
    if (now - this.lastPollEndedAt >= this.options.disconnectTimeoutMs) this.finish();
  }

  private endPoll(status: 200 | 204): void {
    const pending = this.pending;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending = undefined;
    if (status === 200 && this.queue.length > 0) this.deliver(pending.response);
    else {
      this.lastPollEndedAt = performance.now();
      respond(pending.response, status);
    }
  }

  private deliver(response: ServerResponse): void {
    const body = this.queue.join('');
    this.queue = [];
    this.queuedBytes = 0;
    this.lastPollEndedAt = performance.now();
    respond(response, 200, body);
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.ended = true;
    this.endPoll(204);
    this.connection?.transportClosed();
    this.onFinished();
  }
}

function respond(response: ServerResponse, status: number, body = ''): void {
  if (response.writableEnded || response.destroyed) return;
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-cache, no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}
