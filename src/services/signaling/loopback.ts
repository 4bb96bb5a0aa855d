// An in-memory hub that several controllers in one page can call each other through: for tests,
// Storybook and integrators' own tests. It follows docs/hub-contract.md: `extended` mode has every
// extension of the reference hub; `baseline` mode behaves like Thrume's ChatHub at its worst
// (no ring timeout, no cancel or elsewhere notices, its racy busy check modelled as none at all).
import { CallError, hubError } from '../errors.js';
import type { CallType } from '../call-state.js';
import { LoopbackSignaling } from './loopback-signaling.js';
import {
  baselineHubInfo,
  hubFeatures,
  type HubEndReason,
  type HubInfo,
  type RejoinResult,
} from './signaling.js';

export interface LoopbackHubOptions {
  readonly mode?: 'extended' | 'baseline';
  readonly ringTimeoutMs?: number;
  readonly reconnectGraceMs?: number;
  /** Delay of every delivery, to make races visible. Default 0 (still asynchronous). */
  readonly latencyMs?: number;
}

export interface LoopbackUser {
  readonly id: string;
  /** What `IncomingCall` carries as `callerUsername`. */
  readonly name: string;
  /** Sent as `callerDisplayName` in extended mode (the user name without it), as the reference hub sends its directory's. */
  readonly displayName?: string;
  /** Sent as `callerAvatarUrl` in extended mode. */
  readonly avatarUrl?: string;
}

interface LoopbackCall {
  readonly id: string;
  readonly type: CallType;
  readonly caller: LoopbackSignaling;
  readonly callee: LoopbackUser;
  readonly conversationId: string;
  callerConnection: LoopbackSignaling | null;
  calleeConnection: LoopbackSignaling | null;
  status: 'ringing' | 'connected';
  timer?: ReturnType<typeof setTimeout>;
}

export class LoopbackHub {
  readonly extended: boolean;
  private readonly connections = new Set<LoopbackSignaling>();
  private readonly calls = new Map<string, LoopbackCall>();

  constructor(private readonly options: LoopbackHubOptions = {}) {
    this.extended = (options.mode ?? 'extended') === 'extended';
  }

  get info(): HubInfo {
    if (!this.extended) return baselineHubInfo;
    return {
      features: new Set(hubFeatures.filter((f) => f !== 'ice-servers')),
      ringTimeoutMs: this.options.ringTimeoutMs ?? 45_000,
      reconnectGraceMs: this.options.reconnectGraceMs ?? 20_000,
    };
  }

  /** A signaling endpoint for `user`: one hub connection, once `connect()` is called. */
  connect(user: LoopbackUser): LoopbackSignaling {
    return new LoopbackSignaling(this, user);
  }

  /** @internal */ attach(connection: LoopbackSignaling): void {
    this.connections.add(connection);
  }

  /** @internal */ detach(connection: LoopbackSignaling): void {
    this.connections.delete(connection);
    for (const call of this.calls.values()) {
      const bound = call.callerConnection === connection || call.calleeConnection === connection;
      if (!bound) continue;
      if (call.callerConnection === connection) call.callerConnection = null;
      if (call.calleeConnection === connection) call.calleeConnection = null;
      if (!this.extended) continue; // Thrume's hub keeps dead connection ids; signaling just stops
      const ms = this.info.reconnectGraceMs ?? 0;
      setTimeout(() => {
        const stillGone = this.calls.get(call.id) && (!call.callerConnection || (call.status === 'connected' && !call.calleeConnection));
        if (stillGone) this.finish(call, 'disconnected', [call.callerConnection, call.calleeConnection]);
      }, ms);
    }
  }

  /** @internal */ invoke(from: LoopbackSignaling, method: string, args: readonly unknown[]): unknown {
    const call = typeof args[0] === 'string' ? this.calls.get(args[0]) : undefined;
    switch (method) {
      case 'InitiateCallAsync':
        return this.initiate(from, args[0] as string, args[1] as CallType, args[2] as string);
      case 'AcceptCallAsync':
        return this.accept(from, this.need(call));
      case 'RejectCallAsync':
        return this.reject(from, this.need(call), args[1] as string | null);
      case 'EndCallAsync':
        return this.end(from, this.need(call));
      case 'RejoinCallAsync':
        return this.rejoin(from, this.need(call));
      default:
        return this.relay(from, call, method, args);
    }
  }

  private initiate(from: LoopbackSignaling, calleeId: string, type: CallType, conversationId: string): string | null {
    const callee = [...this.connections].filter((c) => c.user.id === calleeId);
    const busy = (id: string) => [...this.calls.values()].some((c) => c.caller.user.id === id || c.callee.id === id);
    if (calleeId === from.user.id || (this.extended && (busy(from.user.id) || busy(calleeId)))) {
      throw hubError('User is not available for calls');
    }
    if (callee.length === 0) throw hubError('User is not online');
    const id = crypto.randomUUID();
    const call: LoopbackCall = {
      id, type, caller: from, callee: callee[0]!.user, conversationId,
      callerConnection: from, calleeConnection: null, status: 'ringing',
    };
    this.calls.set(id, call);
    const { name, displayName = name, avatarUrl } = from.user;
    const incoming = {
      callId: id, callerId: from.user.id, callerUsername: name, callType: type,
      conversationId, timestamp: new Date().toISOString(), offer: null,
      ...(this.extended && { callerDisplayName: displayName, ...(avatarUrl && { callerAvatarUrl: avatarUrl }) }),
    };
    for (const connection of callee) connection.deliver('IncomingCall', [incoming]);
    from.deliver('CallRinging', [id]);
    if (this.extended) {
      call.timer = setTimeout(() => this.finish(call, 'missed', [call.callerConnection, ...this.calleeConnections(call)]), this.info.ringTimeoutMs!);
    }
    return this.extended ? id : null;
  }

  private accept(from: LoopbackSignaling, call: LoopbackCall): void {
    if (from.user.id !== call.callee.id) throw hubError('Not authorized to accept this call');
    if (call.status !== 'ringing') throw hubError('Call not found');
    clearTimeout(call.timer);
    call.status = 'connected';
    call.calleeConnection = from;
    call.callerConnection?.deliver('CallAccepted', [call.id]);
    from.deliver('CallConnected', [call.id]);
    if (this.extended) this.notifyElsewhere(call, from, 'answered-elsewhere');
  }

  private reject(from: LoopbackSignaling, call: LoopbackCall, reason: string | null): void {
    if (from.user.id !== call.callee.id || call.status !== 'ringing') throw hubError('Not authorized to reject this call');
    this.drop(call);
    call.callerConnection?.deliver('CallRejected', [call.id, reason]);
    if (this.extended) this.notifyElsewhere(call, from, 'declined-elsewhere');
  }

  private end(from: LoopbackSignaling, call: LoopbackCall): void {
    const isCaller = from === call.callerConnection;
    if (!isCaller && from !== call.calleeConnection) throw hubError('Not authorized to end this call');
    if (call.status === 'ringing') {
      // Baseline: the callee is never told (its CalleeConnectionId is still empty).
      this.finish(call, 'cancelled', this.extended ? this.calleeConnections(call) : [], from);
    } else {
      this.finish(call, 'hangup', [isCaller ? call.calleeConnection : call.callerConnection], from);
    }
  }

  private rejoin(from: LoopbackSignaling, call: LoopbackCall): RejoinResult {
    if (!this.extended) throw hubError("Method does not exist.");
    const role = from.user.id === call.caller.user.id ? 'caller' : from.user.id === call.callee.id ? 'callee' : null;
    if (!role) throw hubError('Not authorized to rejoin this call');
    if (role === 'caller') call.callerConnection = from;
    else call.calleeConnection = from;
    return { callId: call.id, status: call.status === 'ringing' ? 'Ringing' : 'Connected', role };
  }

  private relay(from: LoopbackSignaling, call: LoopbackCall | undefined, method: string, args: readonly unknown[]): void {
    const event = { SendOfferAsync: 'ReceiveOffer', SendAnswerAsync: 'ReceiveAnswer', SendIceCandidateAsync: 'ReceiveIceCandidate' }[method];
    if (!event) throw new CallError('SIGNALING_ERROR', `Failed to invoke '${method}' due to an error on the server. HubException: Method does not exist.`);
    const fromCaller = call?.callerConnection === from;
    const allowed =
      call && call.status === 'connected' && (fromCaller || call.calleeConnection === from) &&
      (this.extended || method === 'SendIceCandidateAsync' || (method === 'SendOfferAsync') === fromCaller);
    if (!allowed) {
      if (this.extended) throw hubError('Not authorized to signal for this call');
      return; // the baseline drops it silently
    }
    (fromCaller ? call.calleeConnection : call.callerConnection)?.deliver(event, [call.id, args[1]]);
  }

  private notifyElsewhere(call: LoopbackCall, chosen: LoopbackSignaling, reason: HubEndReason): void {
    for (const connection of this.calleeConnections(call)) if (connection !== chosen) connection.deliver('CallEnded', [call.id, reason]);
  }

  private finish(call: LoopbackCall, reason: HubEndReason, targets: (LoopbackSignaling | null)[], echoTo?: LoopbackSignaling): void {
    this.drop(call);
    if (!this.extended && echoTo) targets = [...targets, echoTo];
    const args = this.extended ? [call.id, reason] : [call.id];
    for (const target of new Set(targets)) target?.deliver('CallEnded', args);
  }

  private drop(call: LoopbackCall): void {
    clearTimeout(call.timer);
    this.calls.delete(call.id);
  }

  private calleeConnections(call: LoopbackCall): LoopbackSignaling[] {
    return [...this.connections].filter((c) => c.user.id === call.callee.id);
  }

  private need(call: LoopbackCall | undefined): LoopbackCall {
    if (!call) throw hubError('Call not found');
    return call;
  }

  /** @internal */ get latency(): number {
    return this.options.latencyMs ?? 0;
  }
}
