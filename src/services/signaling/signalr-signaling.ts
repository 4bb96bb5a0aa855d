// Signaling over SignalR: the hub's methods and events on a HubClient (JSON hub protocol) over a
// SignalRTransport. These three modules are the only ones that import @microsoft/signalr.
import type { LogLevel } from '@microsoft/signalr';
import { HubClient } from './hub-client.js';
import { SignalRTransport } from './signalr-transport.js';
import { Emitter } from '../emitter.js';
import { CallError, hubError } from '../errors.js';
import type { CallType } from '../call-state.js';
import type { IceServerList } from '../ice-servers.js';
import {
  baselineHubInfo,
  hubFeatures,
  parseCandidate,
  parseDescription,
  parseEndReason,
  parseIncomingCall,
  type HubFeature,
  type HubInfo,
  type RejoinResult,
  type Signaling,
  type SignalingEvents,
} from './signaling.js';

export interface SignalRSignalingOptions {
  /** The hub's URL, for example `https://api.example.com/chathub`. */
  readonly url: string;
  /** Bearer token source (sent as `access_token` by browsers). Without it, cookies are used. */
  readonly accessTokenFactory?: () => string | Promise<string>;
  /** Send cookies cross-origin (Thrume's own hub authenticates by cookie). Default true. */
  readonly withCredentials?: boolean;
  /** Delays before each automatic reconnect attempt; it gives up after the last one. Default 0, 2, 5, 10, 30 s. */
  readonly reconnectDelaysMs?: readonly number[];
  /** What SignalR's HTTP transports, when they are used, log to the console. Default warnings and errors. */
  readonly logLevel?: LogLevel;
}

type ControlOp = { callErrors: string[]; ringingId: string | null };

export class SignalRSignaling implements Signaling {
  readonly events = new Emitter<SignalingEvents>();
  hubInfo: HubInfo = baselineHubInfo;
  private readonly connection: HubClient;
  private readonly transport: SignalRTransport;
  /** Call-control invocations run one at a time, so a `CallError` can be laid at the right one's door. */
  private controlQueue: Promise<unknown> = Promise.resolve();
  private pendingOp: ControlOp | null = null;

  constructor(private readonly options: SignalRSignalingOptions) {
    this.transport = new SignalRTransport(options.url, {
      accessTokenFactory: options.accessTokenFactory,
      withCredentials: options.withCredentials ?? true,
      logLevel: options.logLevel,
    });
    this.connection = new HubClient(this.transport, { reconnectDelaysMs: options.reconnectDelaysMs ?? [0, 2000, 5000, 10000, 30000] });
    this.listen();
    this.connection.onreconnecting = () => this.events.emit('status', { status: 'reconnecting' });
    this.connection.onreconnected = () => this.events.emit('status', { status: 'connected' });
    this.connection.onclose = () => this.events.emit('status', { status: 'disconnected' });
  }

  /** `WebSockets`, or `HTTP` when a WebSocket could not be had and SignalR's server-sent events or long polling carry the calls. */
  get transportName(): 'WebSockets' | 'HTTP' {
    return this.transport.usesHttp ? 'HTTP' : 'WebSockets';
  }

  async connect(): Promise<HubInfo> {
    try {
      await this.connection.start();
    } catch (error) {
      throw new CallError('NETWORK_ERROR', `Could not connect to the call hub: ${messageOf(error)}`, { cause: error });
    }
    this.hubInfo = await this.fetchHubInfo();
    this.events.emit('status', { status: 'connected' });
    return this.hubInfo;
  }

  disconnect(): Promise<void> {
    return this.connection.stop();
  }

  async initiateCall(calleeId: string, callType: CallType, conversationId: string): Promise<string | null> {
    const { result, op } = await this.control('InitiateCallAsync', calleeId, callType, conversationId);
    return typeof result === 'string' ? result : op.ringingId;
  }

  async acceptCall(callId: string): Promise<void> {
    await this.control('AcceptCallAsync', callId);
  }

  async rejectCall(callId: string, reason: string | null): Promise<void> {
    await this.control('RejectCallAsync', callId, reason);
  }

  async endCall(callId: string): Promise<void> {
    await this.control('EndCallAsync', callId);
  }

  async rejoinCall(callId: string): Promise<RejoinResult> {
    const { result } = await this.control('RejoinCallAsync', callId);
    const value = result as Partial<RejoinResult> | null;
    if (!value || value.callId !== callId || (value.role !== 'caller' && value.role !== 'callee')) {
      throw new CallError('SIGNALING_ERROR', 'The hub did not rejoin the call.');
    }
    return { callId, status: String(value.status), role: value.role };
  }

  sendDescription(callId: string, description: RTCSessionDescriptionInit): Promise<void> {
    const method = description.type === 'offer' ? 'SendOfferAsync' : 'SendAnswerAsync';
    return this.invoke(method, callId, JSON.stringify({ type: description.type, sdp: description.sdp }));
  }

  /** Candidates are many and need no answer: sent without waiting for a completion (a refusal comes as CallError). */
  async sendCandidate(callId: string, candidate: RTCIceCandidateInit): Promise<void> {
    await this.invokeRaw('SendIceCandidateAsync', [callId, JSON.stringify(candidate)], false);
  }

  async iceServers(): Promise<IceServerList | null> {
    if (!this.hubInfo.features.has('ice-servers')) return null;
    const token = await this.options.accessTokenFactory?.();
    const response = await fetch(new URL('/api/call/ice-servers', this.options.url), {
      credentials: this.options.withCredentials === false ? 'same-origin' : 'include',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    if (!response.ok) throw new CallError('NETWORK_ERROR', `The hub did not give ICE servers (HTTP ${response.status}).`);
    const body = (await response.json()) as { iceServers?: unknown; ttlSeconds?: unknown };
    if (!Array.isArray(body.iceServers)) return null;
    const ttlSeconds = typeof body.ttlSeconds === 'number' && body.ttlSeconds > 0 ? body.ttlSeconds : null;
    return { iceServers: body.iceServers as RTCIceServer[], ttlSeconds };
  }

  private listen(): void {
    const on = (name: string, handler: (...args: unknown[]) => void) => this.connection.on(name, handler);
    const callId = (value: unknown, event: string): value is string =>
      typeof value === 'string' || (this.malformed(event), false);

    on('IncomingCall', (payload) => {
      const call = parseIncomingCall(payload);
      call ? this.events.emit('incomingCall', call) : this.malformed('IncomingCall');
    });
    on('CallRinging', (id) => {
      if (!callId(id, 'CallRinging')) return;
      if (this.pendingOp) this.pendingOp.ringingId = id;
    });
    on('CallConnected', () => undefined); // the accepting side learns the same from its own invocation
    on('CallAccepted', (id) => callId(id, 'CallAccepted') && this.events.emit('callAccepted', { callId: id }));
    on('CallRejected', (id, reason) => {
      if (callId(id, 'CallRejected')) this.events.emit('callRejected', { callId: id, reason: typeof reason === 'string' ? reason : null });
    });
    on('CallEnded', (id, reason) => {
      if (callId(id, 'CallEnded')) this.events.emit('callEnded', { callId: id, reason: parseEndReason(reason) });
    });
    for (const name of ['ReceiveOffer', 'ReceiveAnswer']) {
      on(name, (id, text) => {
        const description = parseDescription(text);
        if (callId(id, name) && description) this.events.emit('description', { callId: id, description });
        else if (!description) this.malformed(name);
      });
    }
    on('ReceiveIceCandidate', (id, text) => {
      const candidate = parseCandidate(text);
      if (callId(id, 'ReceiveIceCandidate') && candidate) this.events.emit('candidate', { callId: id, candidate });
      else if (!candidate) this.malformed('ReceiveIceCandidate');
    });
    on('CallError', (message) => {
      const text = typeof message === 'string' ? message : 'The hub reported an unspecified call error.';
      if (this.pendingOp) this.pendingOp.callErrors.push(text);
      else this.events.emit('callError', { message: text });
    });
  }

  /** Runs one call-control invocation; a `CallError` pushed while it ran becomes its failure. */
  private control(method: string, ...args: unknown[]): Promise<{ result: unknown; op: ControlOp }> {
    const run = async () => {
      const op: ControlOp = (this.pendingOp = { callErrors: [], ringingId: null });
      try {
        const result = await this.invokeRaw(method, args);
        if (op.callErrors.length) throw hubError(op.callErrors[0]!);
        return { result, op };
      } finally {
        this.pendingOp = null;
      }
    };
    const next = this.controlQueue.then(run, run);
    this.controlQueue = next.catch(() => undefined);
    return next;
  }

  private async invoke(method: string, ...args: unknown[]): Promise<void> {
    await this.invokeRaw(method, args);
  }

  private async invokeRaw(method: string, args: unknown[], awaitCompletion = true): Promise<unknown> {
    if (this.connection.state !== 'connected') {
      throw new CallError('NETWORK_ERROR', `Not connected to the call hub (${this.connection.state}).`);
    }
    try {
      return await (awaitCompletion ? this.connection.invoke(method, ...args) : this.connection.send(method, ...args));
    } catch (error) {
      throw new CallError('SIGNALING_ERROR', `${method} failed: ${messageOf(error)}`, { cause: error });
    }
  }

  private async fetchHubInfo(): Promise<HubInfo> {
    let info: unknown;
    try {
      info = await this.connection.invoke('GetHubInfoAsync');
    } catch {
      return baselineHubInfo; // Thrume's hub: "Method does not exist."
    }
    const value = (info ?? {}) as { protocol?: unknown; features?: unknown; ringTimeoutMs?: unknown; reconnectGraceMs?: unknown };
    if (value.protocol !== 'thrume-calls' || !Array.isArray(value.features)) return baselineHubInfo;
    return {
      features: new Set(value.features.filter((f): f is HubFeature => hubFeatures.includes(f as HubFeature))),
      ringTimeoutMs: typeof value.ringTimeoutMs === 'number' ? value.ringTimeoutMs : null,
      reconnectGraceMs: typeof value.reconnectGraceMs === 'number' ? value.reconnectGraceMs : null,
    };
  }

  private malformed(event: string): void {
    this.events.emit('protocolError', { message: `Dropped a malformed ${event} message from the hub.` });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
