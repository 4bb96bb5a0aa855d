// Connections coming and going: presence, the reconnect grace period and RejoinCallAsync.
// Extensions: when a bound connection closes, the call waits reconnectGraceMs for that participant
// to rejoin from a new connection, then ends with "disconnected". Baseline (no rejoin exists): the
// call ends at once and the other side gets CallEnded, instead of both users staying busy (Thrume
// leaves such calls until its 30-minute sweep, docs/hub-contract.md §5).

import type { RejoinResult } from '../values.ts';
import { CallRefusal, userOf, type CallRules } from './call-rules.ts';
import { HubError, type ConnectionInfo } from './hub-definition.ts';
import { roleOf, toRecord, type Call, type Role, type SuspendedCall } from './model.ts';
import type { TimerTask } from './timers.ts';

/** A call suspended longer ago than this is not resumed: recorded as ended when it was suspended. */
export const resumableForMs = 10 * 60_000;

export class CallConnections {
  constructor(private readonly rules: CallRules) {}

  async connected(connection: ConnectionInfo): Promise<void> {
    const userId = userOf(connection);
    if (userId !== null) await this.rules.options.presence.add(userId, connection.connectionId);
  }

  async disconnected(connection: ConnectionInfo): Promise<void> {
    const userId = userOf(connection);
    if (userId === null) return;
    const { presence, calls, timers, extensions, reconnectGraceMs } = this.rules.options;
    await presence.remove(userId, connection.connectionId);
    const active = await calls.activeCallOf(userId);
    if (active === null) return;
    const role = roleOf(active, userId);
    const bound = role === 'caller' ? active.callerConnectionId : active.calleeConnectionId;
    if (role === null || bound !== connection.connectionId) return;

    if (!extensions) {
      await this.graceEnded({ kind: 'grace', callId: active.id, role, connectionId: connection.connectionId });
      return;
    }
    await timers.set(`grace:${active.id}:${role}`, reconnectGraceMs, {
      kind: 'grace',
      callId: active.id,
      role,
      connectionId: connection.connectionId,
    });
  }

  /**
   * At start: the calls a graceful shutdown suspended are active again, bound to no connection, and
   * each participant has the reconnect grace to rejoin; one who does not ends the call ("disconnected").
   */
  async resume(suspended: readonly SuspendedCall[]): Promise<number> {
    const { calls, timers, history, reconnectGraceMs } = this.rules.options;
    let resumed = 0;
    for (const { record, suspendedAt } of suspended) {
      const unbound = (role: Role) => `suspended:${record.id}:${role}`;
      const call: Call = {
        ...record,
        callerUserName: '',
        rawCallType: record.type.toLowerCase(),
        callerConnectionId: unbound('caller'),
        calleeConnectionId: unbound('callee'),
      };
      if (this.rules.age(suspendedAt) > resumableForMs || !(await calls.create(call))) {
        await history.save(toRecord({ ...call, status: 'Ended', endReason: 'disconnected', endedAt: suspendedAt }));
        continue;
      }
      for (const role of ['caller', 'callee'] as const) {
        await timers.set(`grace:${call.id}:${role}`, reconnectGraceMs, {
          kind: 'grace',
          callId: call.id,
          role,
          connectionId: unbound(role),
        });
      }
      resumed++;
    }
    return resumed;
  }

  /** RejoinCallAsync(callId): re-binds this connection as the user's connection for the call. */
  async rejoin(connection: ConnectionInfo, callIdArg: string | null): Promise<RejoinResult> {
    try {
      return await this.rules.withCall(callIdArg, async (call) => {
        const role = roleOf(call, userOf(connection) ?? '');
        if (role === null) throw new CallRefusal('not-authorized-rejoin');
        // A callee that has not accepted yet has nothing to re-bind: any of its connections may accept.
        if (role === 'caller' || call.calleeConnectionId !== null) {
          const rebound =
            role === 'caller'
              ? { ...call, callerConnectionId: connection.connectionId }
              : { ...call, calleeConnectionId: connection.connectionId };
          await this.rules.options.calls.put(rebound);
          await this.rules.options.timers.clear(`grace:${call.id}:${role}`);
        }
        return { callId: call.id, status: call.status, role };
      });
    } catch (error) {
      if (error instanceof CallRefusal) throw new HubError(error.message);
      throw error;
    }
  }

  /** The reconnect grace is over: the call ends unless that participant rejoined meanwhile. */
  async graceEnded({ callId, role, connectionId }: Extract<TimerTask, { kind: 'grace' }>): Promise<void> {
    try {
      await this.rules.withCall(callId, async (call) => {
        const bound = role === 'caller' ? call.callerConnectionId : call.calleeConnectionId;
        if (bound !== connectionId) return; // rejoined meanwhile
        await this.rules.endAndNotify(call, 'Ended', 'disconnected', connectionId);
      });
    } catch (error) {
      if (!(error instanceof CallRefusal))
        this.rules.options.log?.(`ending ${callId} after disconnect failed: ${(error as Error).message}`);
    }
  }
}
