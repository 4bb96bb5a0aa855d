// The WebSockets transport over `ws`: one text frame per send (each a whole, terminated record), frames in
// from the client go to the connection's FrameReader as bytes.

import { WebSocket, type RawData } from 'ws';
import type { HubConnection, Transport } from './connection.ts';

export interface WebSocketTransportOptions {
  /** A client that lets this many bytes pile up unsent is dropped (ASP.NET: TransportSendTimeout). */
  readonly maxBufferedBytes: number;
  /** After a close frame, how long to wait for the client's before dropping the socket. */
  readonly closeTimeoutMs: number;
}

export class WebSocketTransport implements Transport {
  readonly name = 'WebSockets';
  readonly inherentKeepAlive = false;
  private closeTimer: NodeJS.Timeout | undefined;
  /** Settles when the socket is closed. */
  readonly closed: Promise<void>;

  constructor(
    private readonly socket: WebSocket,
    private readonly options: WebSocketTransportOptions,
  ) {
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  attach(connection: HubConnection): void {
    this.socket.on('message', (data) => connection.receive(toBuffer(data)));
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
    if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.socket.terminate();
      return;
    }
    this.socket.send(record);
  }

  end(): void {
    const state = this.socket.readyState;
    if (state === WebSocket.CLOSED) return;
    if (state === WebSocket.OPEN) this.socket.close(1000);
    this.closeTimer ??= setTimeout(() => this.socket.terminate(), this.options.closeTimeoutMs);
    this.closeTimer.unref();
  }

  /** Drops the socket at once (server shutdown after the grace period). */
  terminate(): void {
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
