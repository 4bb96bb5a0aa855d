// The Signaling interface spoken as the hub's methods and events (docs/hub-contract.md §2, §3), over
// any HubLink: a SignalR connection (signalr-signaling.ts) or the in-page loopback (loopback.ts).
import { clientEvents, hubFeatures, hubMethods, type HubFeature } from '@thrume/calls-contract';
import { Emitter } from '../emitter.js';
import { CallError, hubError } from '../errors.js';
import type { CallType } from '../call-state.js';
import type { IceServerList } from '../ice-servers.js';
import {
  baselineHubInfo,
  parseCandidate,
  parseDescription,
  parseEndReason,
  parseIncomingCall,
  type HubInfo,
  type RejoinResult,
  type Signaling,
  type SignalingEvents,
} from './signaling.js';

export type HubLinkState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';

/** A connection to a hub, as SignalR's HubConnection has it: methods invoked, events handled. */
export interface HubLink {
  readonly state: HubLinkState;
  onreconnecting?: () => void;
  onreconnected?: () => void;
  /** The connection is gone for good: stopped, refused by the hub, or out of reconnect attempts. */
  onclose?: (error?: Error) => void;
  /** Adds a handler of the hub's invocations of `target`, beside any before it. */
  on(target: string, handler: (...args: unknown[]) => void): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Invokes a hub method and resolves with its result; rejects with the hub's error. */
  invoke(target: string, ...args: unknown[]): Promise<unknown>;
  /** Invokes a hub method without waiting for it. */
  send(target: string, ...args: unknown[]): Promise<void>;
}

type Refusal = { text: string; code: unknown };
type ControlOp = { method: string; refusals: Refusal[]; ringingId: string | null };

export class HubSignaling implements Signaling {
  readonly events = new Emitter<SignalingEvents>();
  hubInfo: HubInfo = baselineHubInfo;
  /** Call-control invocations run one at a time, so a `CallError` can be laid at the right one's door. */
  private controlQueue: Promise<unknown> = Promise.resolve();
  private pendingOp: ControlOp | null = null;

  constructor(protected readonly link: HubLink) {
    this.listen();
    link.onreconnecting = () => this.events.emit('status', { status: 'reconnecting' });
    link.onreconnected = () => this.events.emit('status', { status: 'connected' });
    link.onclose = () => this.events.emit('status', { status: 'disconnected' });
  }

  async connect(): Promise<HubInfo> {
    try {
      await this.link.start();
    } catch (error) {
      throw new CallError('NETWORK_ERROR', `Could not connect to the call hub: ${messageOf(error)}`, { cause: error });
    }
    this.hubInfo = await this.fetchHubInfo();
    this.events.emit('status', { status: 'connected' });
    return this.hubInfo;
  }

  disconnect(): Promise<void> {
    return this.link.stop();
  }

  async initiateCall(calleeId: string, callType: CallType, conversationId: string): Promise<string | null> {
    const { result, op } = await this.control(hubMethods.initiateCall, calleeId, callType, conversationId);
    return typeof result === 'string' ? result : op.ringingId;
  }

  async acceptCall(callId: string): Promise<void> {
    await this.control(hubMethods.acceptCall, callId);
  }

  async rejectCall(callId: string, reason: string | null): Promise<void> {
    await this.control(hubMethods.rejectCall, callId, reason);
  }

  async endCall(callId: string): Promise<void> {
    await this.control(hubMethods.endCall, callId);
  }

  async rejoinCall(callId: string): Promise<RejoinResult> {
    const { result } = await this.control(hubMethods.rejoinCall, callId);
    const value = result as Partial<RejoinResult> | null;
    if (!value || value.callId !== callId || (value.role !== 'caller' && value.role !== 'callee')) {
      throw new CallError('SIGNALING_ERROR', 'The hub did not rejoin the call.');
    }
    return { callId, status: value.status ?? 'Connected', role: value.role };
  }

  async sendDescription(callId: string, description: RTCSessionDescriptionInit): Promise<void> {
    const method = description.type === 'offer' ? hubMethods.sendOffer : hubMethods.sendAnswer;
    await this.invoke(method, [callId, JSON.stringify({ type: description.type, sdp: description.sdp })]);
  }

  /** Candidates are many and need no answer: sent without waiting for a completion (a refusal comes as CallError). */
  async sendCandidate(callId: string, candidate: RTCIceCandidateInit): Promise<void> {
    await this.invoke(hubMethods.sendIceCandidate, [callId, JSON.stringify(candidate)], false);
  }

  /** A hub without `ice-servers` has none to give. */
  async iceServers(): Promise<IceServerList | null> {
    return null;
  }

  private listen(): void {
    const on = (name: string, handler: (...args: unknown[]) => void) => this.link.on(name, handler);
    const callId = (value: unknown, event: string): value is string =>
      typeof value === 'string' || (this.malformed(event), false);

    on(clientEvents.incomingCall, (payload) => {
      const call = parseIncomingCall(payload);
      if (call) this.events.emit('incomingCall', call);
      else this.malformed(clientEvents.incomingCall);
    });
    on(clientEvents.callRinging, (id) => {
      if (!callId(id, clientEvents.callRinging)) return;
      if (this.pendingOp) this.pendingOp.ringingId = id;
    });
    on(clientEvents.callConnected, () => undefined); // the accepting side learns the same from its own invocation
    on(
      clientEvents.callAccepted,
      (id) => callId(id, clientEvents.callAccepted) && this.events.emit('callAccepted', { callId: id }),
    );
    on(clientEvents.callRejected, (id, reason) => {
      if (callId(id, clientEvents.callRejected))
        this.events.emit('callRejected', { callId: id, reason: typeof reason === 'string' ? reason : null });
    });
    on(clientEvents.callEnded, (id, reason) => {
      if (callId(id, clientEvents.callEnded))
        this.events.emit('callEnded', { callId: id, reason: parseEndReason(reason) });
    });
    for (const name of [clientEvents.receiveOffer, clientEvents.receiveAnswer]) {
      on(name, (id, text) => {
        const description = parseDescription(text);
        if (callId(id, name) && description) this.events.emit('description', { callId: id, description });
        else if (!description) this.malformed(name);
      });
    }
    on(clientEvents.receiveIceCandidate, (id, text) => {
      const candidate = parseCandidate(text);
      if (callId(id, clientEvents.receiveIceCandidate) && candidate)
        this.events.emit('candidate', { callId: id, candidate });
      else if (!candidate) this.malformed(clientEvents.receiveIceCandidate);
    });
    // A refusal names its method on hubs with `refusal-codes`; the baseline's come only from call operations.
    on(clientEvents.callError, (message, code, method) => {
      const text = typeof message === 'string' ? message : 'The hub reported an unspecified call error.';
      const op = this.pendingOp;
      if (op && (typeof method !== 'string' || method.toLowerCase() === op.method.toLowerCase()))
        op.refusals.push({ text, code });
      else
        this.events.emit('callError', {
          message: text,
          code: typeof code === 'string' ? code : null,
          method: typeof method === 'string' ? method : null,
        });
    });
  }

  /** Runs one call-control invocation; a `CallError` pushed while it ran becomes its failure. */
  private control(method: string, ...args: unknown[]): Promise<{ result: unknown; op: ControlOp }> {
    const run = async () => {
      const op: ControlOp = (this.pendingOp = { method, refusals: [], ringingId: null });
      try {
        const result = await this.invoke(method, args);
        const [refusal] = op.refusals;
        if (refusal) throw hubError(refusal.text, refusal.code);
        return { result, op };
      } finally {
        this.pendingOp = null;
      }
    };
    const next = this.controlQueue.then(run, run);
    this.controlQueue = next.catch(() => undefined);
    return next;
  }

  private async invoke(method: string, args: unknown[], awaitCompletion = true): Promise<unknown> {
    if (this.link.state !== 'connected') {
      throw new CallError('NETWORK_ERROR', `Not connected to the call hub (${this.link.state}).`);
    }
    try {
      return await (awaitCompletion ? this.link.invoke(method, ...args) : this.link.send(method, ...args));
    } catch (error) {
      throw new CallError('SIGNALING_ERROR', `${method} failed: ${messageOf(error)}`, { cause: error });
    }
  }

  private async fetchHubInfo(): Promise<HubInfo> {
    let info: unknown;
    try {
      info = await this.link.invoke(hubMethods.getHubInfo);
    } catch {
      return baselineHubInfo; // Thrume's hub: "Method does not exist."
    }
    const value = (info ?? {}) as {
      protocol?: unknown;
      features?: unknown;
      ringTimeoutMs?: unknown;
      reconnectGraceMs?: unknown;
    };
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
