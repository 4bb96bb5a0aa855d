// The life of a call: initiate, ring, accept or reject, end, time out. Every check-then-change runs
// under the locks of what it touches, so concurrent invocations see one order. Events follow the
// baseline wire contract; with extensions on they add what docs/hub-contract.md §3 lists.
// This module runs in the reference hub and in the kit's loopback alike: no Node or DOM API in it.

import { clientEvents } from '../names.ts';
import {
  maxReasonLength,
  normalizeGuid,
  parseCallType,
  roundTripFormat,
  type IncomingCallMessage,
} from '../payloads.ts';
import { refusalTexts, type RefusalCode } from '../refusals.ts';
import { canTransition, type HubCallStatus, type HubEndReason } from '../values.ts';
import type { ActiveCallStore } from './active-call-store.ts';
import type { ClientSender, ConnectionInfo } from './hub-definition.ts';
import type { Locks } from './locks.ts';
import {
  roleOf,
  toRecord,
  type Call,
  type CallerProfile,
  type CallLog,
  type CallPolicy,
  type RulesEvent,
} from './model.ts';
import type { Presence } from './presence.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { Timers } from './timers.ts';

export interface CallRulesOptions {
  /** false: Thrume's baseline behaviour (docs/hub-contract.md §2), without its security holes. */
  readonly extensions: boolean;
  readonly ringTimeoutMs: number;
  readonly reconnectGraceMs: number;
  readonly sender: ClientSender;
  readonly calls: ActiveCallStore;
  readonly presence: Presence;
  readonly timers: Timers;
  readonly locks: Locks;
  readonly rateLimiter: RateLimiter;
  readonly policy: CallPolicy;
  readonly history: CallLog;
  /** What the extended IncomingCall says of a caller; without an answer, their user name. */
  readonly profileOf?: (userId: string) => CallerProfile | undefined;
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly log?: (message: string) => void;
  /** Told of each call transition and refusal, and each relayed message: the log and the metrics. */
  readonly observe?: (event: RulesEvent) => void;
}

/** A refusal: the calling connection gets `CallError(text)`, and with extensions `CallError(text, code, method)`. */
export class CallRefusal extends Error {
  override name = 'CallRefusal';
  constructor(readonly code: RefusalCode) {
    super(refusalTexts[code]);
  }
}

export class CallRules {
  readonly options: CallRulesOptions;
  /** Set by endAll(): a hub that is shutting down starts no new call. */
  private stopped = false;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(options: CallRulesOptions) {
    this.options = options;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** InitiateCallAsync(calleeId, callType, conversationId): the new call id, or null on refusal. */
  async initiate(
    caller: ConnectionInfo,
    calleeArg: string | null,
    typeArg: string | null,
    conversationArg: string | null,
  ): Promise<string | null> {
    const { calls, presence, policy, locks } = this.options;
    const callerId = userOf(caller);
    if (callerId === null) throw new CallRefusal('unauthorized');
    if (this.stopped) throw new CallRefusal('initiate-failed');
    if (!(await this.options.rateLimiter.tryAcquire(callerId))) throw new CallRefusal('rate-limited');
    const calleeId = normalizeGuid(calleeArg);
    if (calleeId === null) throw new CallRefusal('invalid-callee');
    const type = parseCallType(typeArg);
    if (type === null || typeArg === null) throw new CallRefusal('invalid-call-type');
    const conversationId =
      conversationArg === null || conversationArg.trim() === '' ? null : normalizeGuid(conversationArg);
    if (conversationId === null && conversationArg !== null && conversationArg.trim() !== '')
      throw new CallRefusal('not-available');

    return locks.run([`user:${callerId}`, `user:${calleeId}`], async () => {
      // The whole check runs under both users' locks and ends in the store's atomic create.
      if (!(await policy.mayCall(callerId, calleeId, conversationId))) throw new CallRefusal('not-available');
      if ((await calls.activeCallOf(callerId)) !== null || (await calls.activeCallOf(calleeId)) !== null) {
        throw new CallRefusal('not-available');
      }
      const calleeConnections = await presence.connectionsOf(calleeId);
      if (calleeConnections.length === 0) throw new CallRefusal('not-online');

      const call: Call = {
        id: this.newId(),
        callerId,
        calleeId,
        callerUserName: caller.principal.userName || 'Unknown',
        type,
        rawCallType: typeArg,
        conversationId: conversationId ?? '',
        status: 'Ringing',
        startedAt: this.now().toISOString(),
        connectedAt: null,
        endedAt: null,
        rejectionReason: null,
        endReason: null,
        callerConnectionId: caller.connectionId,
        calleeConnectionId: null,
      };
      if (!(await calls.create(call))) throw new CallRefusal('not-available');
      try {
        await this.options.history.save(toRecord(call));
      } catch (error) {
        await calls.remove(call.id); // nobody may stay busy with a call that never rang
        throw error;
      }
      // Baseline: the clients run their own ring timeout; the hub's silent clean-up waits twice as long so that theirs acts first.
      const ringMs = this.options.extensions ? this.options.ringTimeoutMs : 2 * this.options.ringTimeoutMs;
      await this.options.timers.set(`ring:${call.id}`, ringMs, { kind: 'ring', callId: call.id });
      this.transitioned(call);

      const incoming: IncomingCallMessage = {
        callId: call.id,
        callerId,
        callerUsername: call.callerUserName,
        callType: call.rawCallType,
        conversationId: call.conversationId,
        timestamp: roundTripFormat(call.startedAt),
        offer: null,
        ...(this.options.extensions && this.callerProfile(callerId, call.callerUserName)),
      };
      for (const connectionId of calleeConnections) this.send(connectionId, clientEvents.incomingCall, [incoming]);
      this.send(caller.connectionId, clientEvents.callRinging, [call.id]);
      return this.options.extensions ? call.id : null;
    });
  }

  /** The extended IncomingCall's additions (`caller-profile`): the display name (else the user name) and picture. */
  private callerProfile(
    callerId: string,
    userName: string,
  ): Pick<IncomingCallMessage, 'callerDisplayName' | 'callerAvatarUrl'> {
    const profile = this.options.profileOf?.(callerId);
    return {
      callerDisplayName: profile?.displayName ?? userName,
      ...(profile?.avatarUrl && { callerAvatarUrl: profile.avatarUrl }),
    };
  }

  /** AcceptCallAsync(callId): binds the accepting connection as the callee's. */
  async accept(callee: ConnectionInfo, callIdArg: string | null): Promise<void> {
    await this.withCall(callIdArg, async (call) => {
      if (roleOf(call, userOf(callee) ?? '') !== 'callee') throw new CallRefusal('not-authorized-accept');
      if (call.status === 'Connected') throw new CallRefusal('already-accepted');
      if (call.status !== 'Ringing') throw new CallRefusal('not-found');
      if (!canTransition(call.status, 'Connected')) throw new CallRefusal('not-found');
      const connected: Call = {
        ...call,
        status: 'Connected',
        connectedAt: this.now().toISOString(),
        calleeConnectionId: callee.connectionId,
      };
      await this.options.calls.put(connected);
      await this.options.history.save(toRecord(connected));
      await this.options.timers.clear(`ring:${call.id}`);
      this.transitioned(connected);
      this.send(call.callerConnectionId, clientEvents.callAccepted, [call.id]);
      this.send(callee.connectionId, clientEvents.callConnected, [call.id]);
      if (this.options.extensions)
        await this.tellOtherCalleeConnections(call, callee.connectionId, 'answered-elsewhere');
    });
  }

  /** RejectCallAsync(callId, reason): the callee declines a ringing call. */
  async reject(callee: ConnectionInfo, callIdArg: string | null, reasonArg: string | null): Promise<void> {
    await this.withCall(callIdArg, async (call) => {
      if (roleOf(call, userOf(callee) ?? '') !== 'callee') throw new CallRefusal('not-authorized-reject');
      if (call.status === 'Connected') throw new CallRefusal('already-accepted');
      if (call.status !== 'Ringing') throw new CallRefusal('not-found');
      const reason = reasonArg === null ? null : reasonArg.slice(0, maxReasonLength);
      await this.finish(call, 'Rejected', null, reason);
      this.send(call.callerConnectionId, clientEvents.callRejected, [call.id, reason]);
      if (this.options.extensions)
        await this.tellOtherCalleeConnections(call, callee.connectionId, 'declined-elsewhere');
    });
  }

  /** EndCallAsync(callId) or a terminal UpdateHubCallStatusAsync, from one of the bound connections. */
  async end(from: ConnectionInfo, callIdArg: string | null, status: 'Ended' | 'Failed' = 'Ended'): Promise<void> {
    await this.withCall(callIdArg, async (call) => {
      if (!isBound(call, from.connectionId)) throw new CallRefusal('not-authorized-end');
      const reason: HubEndReason = status === 'Failed' ? 'failed' : call.status === 'Ringing' ? 'cancelled' : 'hangup';
      await this.endAndNotify(call, status, reason, from.connectionId);
    });
  }

  /**
   * Graceful shutdown: no new call starts. With extensions, a connected call is suspended: kept as it
   * is, nobody told, for both participants to rejoin once the hub is back (their media flows peer to
   * peer meanwhile). Every other call ends, recorded as Ended, participants told.
   */
  async stop(): Promise<{ suspended: number; ended: number }> {
    this.stopped = true;
    const suspended: string[] = [];
    let ended = 0;
    for (const call of await this.options.calls.all()) {
      await this.options.locks.run([`call:${call.id}`], async () => {
        const current = await this.options.calls.get(call.id);
        if (current === null) return;
        if (this.options.extensions && current.status === 'Connected') {
          suspended.push(current.id);
        } else {
          await this.endAndNotify(current, 'Ended', 'failed', null);
          ended++;
        }
      });
    }
    this.options.timers.clearAll();
    await this.options.history.suspend(suspended, this.now().toISOString());
    return { suspended: suspended.length, ended };
  }

  /** Milliseconds from `iso` to now, on the hub's clock. */
  age(iso: string): number {
    return this.now().getTime() - Date.parse(iso);
  }

  /** The call id `callIdArg` in its stored form; a malformed id is "Call not found". */
  normalizedCallId(callIdArg: string | null): string {
    const callId = normalizeGuid(callIdArg);
    if (callId === null) throw new CallRefusal('not-found');
    return callId;
  }

  /** Runs `task` on the active call `callIdArg` under its lock; an unknown id is "Call not found". */
  async withCall<T>(callIdArg: string | null, task: (call: Call) => Promise<T>): Promise<T> {
    const callId = this.normalizedCallId(callIdArg);
    return this.options.locks.run([`call:${callId}`], async () => {
      const call = await this.options.calls.get(callId);
      if (call === null) throw new CallRefusal('not-found');
      return task(call);
    });
  }

  /**
   * Ends `call` and tells the participants. Baseline: `CallEnded(callId)` to both bound connections,
   * the one that ended it included. Extensions: `CallEnded(callId, reason)` to the other bound
   * connection and, while ringing, to every connection of the callee; never back to `endedBy`.
   */
  async endAndNotify(call: Call, status: HubCallStatus, reason: HubEndReason, endedBy: string | null): Promise<void> {
    await this.finish(call, status, reason, null);
    if (!this.options.extensions) {
      for (const id of [call.callerConnectionId, call.calleeConnectionId])
        if (id !== null) this.send(id, clientEvents.callEnded, [call.id]);
      return;
    }
    const targets = new Set<string>([call.callerConnectionId]);
    if (call.calleeConnectionId !== null) targets.add(call.calleeConnectionId);
    else for (const id of await this.options.presence.connectionsOf(call.calleeId)) targets.add(id);
    if (endedBy !== null) targets.delete(endedBy);
    for (const id of targets) this.send(id, clientEvents.callEnded, [call.id, reason]);
  }

  /** Removes the call from the active store and records how it ended. */
  async finish(
    call: Call,
    status: HubCallStatus,
    reason: HubEndReason | null,
    rejectionReason: string | null,
  ): Promise<Call> {
    if (!canTransition(call.status, status)) throw new Error(`A ${call.status} call cannot become ${status}`);
    const ended: Call = { ...call, status, endReason: reason, rejectionReason, endedAt: this.now().toISOString() };
    await this.options.calls.remove(call.id);
    for (const name of [`ring:${call.id}`, `grace:${call.id}:caller`, `grace:${call.id}:callee`])
      await this.options.timers.clear(name);
    await this.options.history.save(toRecord(ended));
    this.transitioned(ended);
    return ended;
  }

  private transitioned(call: Call): void {
    const { id: callId, callerId, calleeId, type: callType, status, endReason } = call;
    this.options.observe?.({ type: 'call', callId, callerId, calleeId, callType, status, endReason });
  }

  send(connectionId: string, target: string, args: readonly unknown[]): void {
    try {
      this.options.sender.send(connectionId, target, args);
    } catch (error) {
      this.options.log?.(`send ${target} to ${connectionId} failed: ${(error as Error).message}`);
    }
  }

  /**
   * The ring timeout. With extensions: `CallEnded(callId, "missed")` to the caller and every callee
   * connection. Baseline: the call is ended silently after twice the ring timeout (Thrume never ends
   * it; the kit runs its own timeout against the baseline) so that nobody stays busy for ever.
   */
  async ringTimedOut(callId: string): Promise<void> {
    try {
      await this.withCall(callId, async (call) => {
        if (call.status !== 'Ringing') return;
        if (this.options.extensions) await this.endAndNotify(call, 'Missed', 'missed', null);
        else await this.finish(call, 'Missed', 'missed', null);
      });
    } catch (error) {
      if (!(error instanceof CallRefusal))
        this.options.log?.(`ring timeout of ${callId} failed: ${(error as Error).message}`);
    }
  }

  private async tellOtherCalleeConnections(call: Call, except: string, reason: HubEndReason): Promise<void> {
    for (const id of await this.options.presence.connectionsOf(call.calleeId)) {
      if (id !== except) this.send(id, clientEvents.callEnded, [call.id, reason]);
    }
  }
}

/** The connection's user id, normalized; null when the principal carries no GUID. */
export function userOf(connection: ConnectionInfo): string | null {
  return normalizeGuid(connection.principal.userId);
}

export function isBound(call: Call, connectionId: string): boolean {
  return call.callerConnectionId === connectionId || call.calleeConnectionId === connectionId;
}
