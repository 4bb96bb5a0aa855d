// The WebSockets transport over `ws`. Records sent to a connection wait in its outbox until the event
// loop has run this turn's I/O callbacks (setImmediate), then go out as one text frame: the JSON hub
// protocol allows several records per frame, and one frame is one socket write instead of one per record.
// A lone record waits less than one turn. Frames in from the client go to the FrameReader as bytes.

import { WebSocket, type RawData } from 'ws';
import type { HubConnection, Transport } from './connection.ts';

export interface WebSocketTransportOptions {
  /** A client that lets this many bytes pile up unsent is dropped (ASP.NET: TransportSendTimeout). */
  readonly maxBufferedBytes: number;
  /** After a close frame, how long to wait for the client's before dropping the socket. */
  readonly closeTimeoutMs: number;
}

/** Transports whose outbox holds records, all flushed by one setImmediate. */
const waiting = new Set<WebSocketTransport>();

function flushWaiting(): void {
  for (const transport of waiting) transport.flush();
  waiting.clear();
}

export class WebSocketTransport implements Transport {
  readonly name = 'WebSockets';
  readonly inherentKeepAlive = false;
  private closeTimer: NodeJS.Timeout | undefined;
  private connection: HubConnection | undefined;
  /** Whole records not yet written, in send order. */
  private outbox = '';
  /** Settles when the socket is closed. */
  readonly closed: Promise<void>;

  constructor(
    private readonly socket: WebSocket,
    private readonly options: WebSocketTransportOptions,
  ) {
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  attach(connection: HubConnection): void {
    this.connection = connection;
    // ws has already checked that a text frame is UTF-8; binary frames are checked by the FrameReader.
    this.socket.on('message', (data, isBinary) => connection.receive(toBuffer(data), !isBinary));
    this.socket.on('close', () => {
      clearTimeout(this.closeTimer);
      connection.transportClosed();
    });
    this.socket.on('error', () => {
      // 'close' follows every error; the connection is finished there.
    });
  }

  send(record: string): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    if (this.outbox === '') {
      if (waiting.size === 0) setImmediate(flushWaiting);
      waiting.add(this);
    }
    this.outbox += record;
  }

  /** Writes the outbox as one frame. */
  flush(): void {
    const frame = this.outbox;
    if (frame === '') return;
    this.outbox = '';
    waiting.delete(this);
    if (this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.connection?.dropSlowClient(this.socket.bufferedAmount);
      this.socket.terminate();
      return;
    }
    this.socket.send(frame);
  }

  end(): void {
    this.flush(); // what was sent before (a Close message) goes before the close frame
    const state = this.socket.readyState;
    if (state === WebSocket.CLOSED) return;
    if (state === WebSocket.OPEN) this.socket.close(1000);
    this.closeTimer ??= setTimeout(() => this.socket.terminate(), this.options.closeTimeoutMs);
    this.closeTimer.unref();
  }

  /** Drops the socket at once (server shutdown after the grace period). */
  terminate(): void {
    this.outbox = '';
    waiting.delete(this);
    this.socket.terminate();
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
