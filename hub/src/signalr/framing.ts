// Text framing of the JSON hub protocol: every message ends with the record separator 0x1E
// (HubProtocol.md "JSON Encoding"). One transport frame may hold several messages and one message may
// span several frames, so incoming bytes go through a FrameReader that owns the partial tail.

/** The record separator that ends every JSON hub message. */
export const RECORD_SEPARATOR = '\u001e';
const RS_BYTE = 0x1e;

/** A violation of the wire protocol by the client; the connection is closed with its message. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  /** The .NET exception type ASP.NET reports for the same fault, used in Close error texts. */
  readonly kind: string;
  constructor(message: string, kind = 'InvalidDataException') {
    super(message);
    this.kind = kind;
  }
}

export function maximumSizeExceeded(limit: number): ProtocolError {
  return new ProtocolError(
    `The maximum message size of ${limit}B was exceeded. The message size can be configured in AddHubOptions.`,
  );
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ProtocolError('Message is not valid UTF-8.');
  }
}

/**
 * Splits incoming bytes into whole messages (without the separator). A message, or an unterminated tail,
 * longer than `maxMessageSize` bytes throws a ProtocolError, so memory per connection stays bounded.
 */
export class FrameReader {
  private pending: Buffer[] = [];
  private pendingLength = 0;

  constructor(private readonly maxMessageSize: number) {}

  /**
   * Feeds one chunk and returns the messages it completed, in order. `validUtf8`: the whole chunk is
   * known to be UTF-8 (a WebSocket text frame), so a message that lies within it needs no second check.
   */
  push(chunk: Buffer, validUtf8 = false): string[] {
    const messages: string[] = [];
    let start = 0;
    let end = chunk.indexOf(RS_BYTE, start);
    while (end !== -1) {
      const size = this.pendingLength + end - start;
      if (size > this.maxMessageSize) throw maximumSizeExceeded(this.maxMessageSize);
      if (this.pendingLength === 0) {
        // The separator byte never occurs inside a multi-byte character, so this slice is whole UTF-8.
        messages.push(validUtf8 ? chunk.toString('utf8', start, end) : decode(chunk.subarray(start, end)));
      } else {
        this.pending.push(chunk.subarray(start, end));
        messages.push(decode(Buffer.concat(this.pending, size)));
        this.pending = [];
        this.pendingLength = 0;
      }
      start = end + 1;
      end = chunk.indexOf(RS_BYTE, start);
    }
    if (start < chunk.length) {
      this.pendingLength += chunk.length - start;
      if (this.pendingLength > this.maxMessageSize) throw maximumSizeExceeded(this.maxMessageSize);
      // Copy: the caller may reuse its buffer (ws does not, but an HTTP body stream might).
      this.pending.push(Buffer.from(chunk.subarray(start)));
    }
    return messages;
  }

  /** Bytes received that do not yet form a whole message. */
  get bufferedBytes(): number {
    return this.pendingLength;
  }
}
