// The JSON hub protocol (HubProtocol.md): handshake, message shapes, validation of what clients send and
// serialization of what the server sends. Validation texts follow ASP.NET's JsonHubProtocol wording.

import { ProtocolError, RECORD_SEPARATOR } from './framing.ts';

export const MessageType = {
  Invocation: 1,
  StreamItem: 2,
  Completion: 3,
  StreamInvocation: 4,
  CancelInvocation: 5,
  Ping: 6,
  Close: 7,
  Ack: 8,
  Sequence: 9,
} as const;

/** Hub protocol versions of 'json' the server accepts (the TS client sends 1, or 2 with stateful reconnect). */
export const SUPPORTED_JSON_VERSIONS: readonly number[] = [1, 2];

export interface InvocationMessage {
  readonly type: typeof MessageType.Invocation | typeof MessageType.StreamInvocation;
  readonly invocationId: string | undefined;
  readonly target: string;
  readonly arguments: readonly unknown[];
  readonly streamIds: readonly string[] | undefined;
}

export interface CancelInvocationMessage {
  readonly type: typeof MessageType.CancelInvocation;
  readonly invocationId: string;
}

export interface CloseMessage {
  readonly type: typeof MessageType.Close;
  readonly error: string | undefined;
  readonly allowReconnect: boolean;
}

/** Messages the server acts on; everything else valid (Ping, StreamItem, Ack, unknown types) is `ignored`. */
export type IncomingMessage = InvocationMessage | CancelInvocationMessage | CloseMessage | { readonly type: 'ignored' };

const IGNORED = { type: 'ignored' } as const;

export interface HandshakeRequest {
  readonly protocol: string;
  readonly version: number;
}

type JsonObject = Record<string, unknown>;

function parseObject(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProtocolError(`Error reading JSON. ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ProtocolError('Unexpected JSON Token Type. Expected a JSON Object.');
  }
  return value as JsonObject;
}

function required(message: JsonObject, name: string): unknown {
  if (!(name in message)) throw new ProtocolError(`Missing required property '${name}'.`);
  return message[name];
}

function asString(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new ProtocolError(`Expected '${name}' to be of type String.`);
  return value;
}

function optionalString(message: JsonObject, name: string): string | undefined {
  const value = message[name];
  return value === undefined || value === null ? undefined : asString(value, name);
}

function asInteger(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ProtocolError(`Expected '${name}' to be of type Integer.`);
  }
  return value;
}

function checkHeaders(message: JsonObject): void {
  const headers = message['headers'];
  if (headers === undefined || headers === null) return;
  if (typeof headers !== 'object' || Array.isArray(headers)) {
    throw new ProtocolError("Expected 'headers' to be of type Object.");
  }
  for (const value of Object.values(headers)) {
    if (typeof value !== 'string') throw new ProtocolError('Expected header value to be of type String.');
  }
}

/** Parses the client's first message, `{"protocol":"json","version":1}`. */
export function parseHandshakeRequest(text: string): HandshakeRequest {
  const message = parseObject(text);
  const protocol = asString(required(message, 'protocol'), 'protocol');
  const version = asInteger(required(message, 'version'), 'version');
  return { protocol, version };
}

function parseInvocation(message: JsonObject, type: InvocationMessage['type']): InvocationMessage {
  const invocationId =
    type === MessageType.StreamInvocation
      ? asString(required(message, 'invocationId'), 'invocationId')
      : optionalString(message, 'invocationId');
  const target = asString(required(message, 'target'), 'target');
  if (target.length === 0) throw new ProtocolError("Property 'target' must not be empty.");
  const args = required(message, 'arguments');
  if (!Array.isArray(args)) throw new ProtocolError("Expected 'arguments' to be of type Array.");
  const rawStreamIds = message['streamIds'];
  let streamIds: string[] | undefined;
  if (rawStreamIds !== undefined && rawStreamIds !== null) {
    if (!Array.isArray(rawStreamIds)) throw new ProtocolError("Expected 'streamIds' to be of type Array.");
    streamIds = rawStreamIds.map((id) => asString(id, 'streamIds'));
  }
  return { type, invocationId, target, arguments: args, streamIds };
}

/** Parses one hub message (without its separator). Throws ProtocolError for anything malformed. */
export function parseMessage(text: string): IncomingMessage {
  const message = parseObject(text);
  const type = asInteger(required(message, 'type'), 'type');
  checkHeaders(message);
  switch (type) {
    case MessageType.Invocation:
    case MessageType.StreamInvocation:
      return parseInvocation(message, type);
    case MessageType.CancelInvocation:
      return { type, invocationId: asString(required(message, 'invocationId'), 'invocationId') };
    case MessageType.Close: {
      const allowReconnect = message['allowReconnect'];
      if (allowReconnect !== undefined && allowReconnect !== null && typeof allowReconnect !== 'boolean') {
        throw new ProtocolError("Expected 'allowReconnect' to be of type Boolean.");
      }
      return { type, error: optionalString(message, 'error'), allowReconnect: allowReconnect === true };
    }
    case MessageType.StreamItem:
      asString(required(message, 'invocationId'), 'invocationId');
      return IGNORED; // no hub method takes a client-to-server stream
    case MessageType.Completion:
      asString(required(message, 'invocationId'), 'invocationId');
      if ('result' in message && 'error' in message) {
        throw new ProtocolError("The 'error' and 'result' properties are mutually exclusive.");
      }
      return IGNORED; // the server never invokes client methods that expect a result
    default:
      // Ping, Ack and Sequence need nothing beyond the liveness they prove; unknown types are ignored
      // for forward compatibility, as ASP.NET's JsonHubProtocol does.
      return IGNORED;
  }
}

// ---- Serialization: every helper returns one complete, separator-terminated record. ----

export const HANDSHAKE_OK = `{}${RECORD_SEPARATOR}`;
export const PING = `{"type":6}${RECORD_SEPARATOR}`;

export function handshakeError(error: string): string {
  return JSON.stringify({ error }) + RECORD_SEPARATOR;
}

// The two records of every relay are built around JSON.stringify of their parts: the same bytes as
// stringifying the whole object, without building it.

export function invocation(target: string, args: readonly unknown[]): string {
  return `{"type":1,"target":${JSON.stringify(target)},"arguments":${JSON.stringify(args)}}${RECORD_SEPARATOR}`;
}

/** A Completion carrying `result`; an undefined result serializes as a void completion. */
export function completionResult(invocationId: string, result: unknown): string {
  const head = `{"type":3,"invocationId":${JSON.stringify(invocationId)}`;
  const value = JSON.stringify(result) as string | undefined; // undefined for undefined, functions, symbols
  return `${head}${value === undefined ? '' : `,"result":${value}`}}${RECORD_SEPARATOR}`;
}

export function completionError(invocationId: string, error: string): string {
  return JSON.stringify({ type: MessageType.Completion, invocationId, error }) + RECORD_SEPARATOR;
}

export function close(error: string | undefined, allowReconnect: boolean): string {
  const message: JsonObject = { type: MessageType.Close };
  if (error !== undefined) message['error'] = error;
  if (allowReconnect) message['allowReconnect'] = true;
  return JSON.stringify(message) + RECORD_SEPARATOR;
}
