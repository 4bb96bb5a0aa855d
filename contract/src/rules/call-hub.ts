// The call hub as the protocol layer sees it: a HubDefinition. This file maps hub methods to the
// call rules, checks argument types, and turns refusals into CallError events.

import { clientEvents, hubMethods } from '../names.ts';
import type { RefusalCode } from '../refusals.ts';
import { hubFeatures, type HubFeature, type HubInfoResult } from '../values.ts';
import { CallConnections } from './call-connections.ts';
import { CallRefusal, CallRules, type CallRulesOptions } from './call-rules.ts';
import { CallSignals } from './call-signals.ts';
import { HubError, type ConnectionInfo, type HubDefinition, type HubMethod } from './hub-definition.ts';
import type { SuspendedCall } from './model.ts';

export interface CallHubOptions extends CallRulesOptions {
  /** What GetHubInfoAsync announces with extensions on. Default every feature; a hub without TURN leaves out `ice-servers`. */
  readonly features?: readonly HubFeature[];
}

export interface CallHub extends HubDefinition {
  readonly rules: CallRules;
  /** Graceful shutdown: connected calls suspended for a rejoin after the restart (extensions), the rest ended; timers stopped. */
  stop(): Promise<{ suspended: number; ended: number }>;
  /** At start: resumes the calls the last shutdown suspended. */
  resume(suspended: readonly SuspendedCall[]): Promise<number>;
}

export function createCallHub(options: CallHubOptions): CallHub {
  const rules = new CallRules(options);
  /** Refusals are reported by code, also the ones the baseline keeps quiet (its signaling fails silently). */
  const report = (method: string, caller: ConnectionInfo, refusal: CallRefusal): void =>
    options.observe?.({ type: 'refusal', method, code: refusal.code, userId: caller.principal.userId });
  const signals = new CallSignals(rules, (caller, refusal, kind) => report(relayMethods[kind], caller, refusal));
  const connections = new CallConnections(rules);
  options.timers.onDue((task) =>
    task.kind === 'ring' ? rules.ringTimedOut(task.callId) : connections.graceEnded(task),
  );

  /**
   * A refusal becomes CallError(text) to the caller, and CallError(text, code, method) with extensions; the
   * invocation completes with null. Any other failure is logged and reported as the method's failure.
   */
  const refused = (name: string, caller: ConnectionInfo, failure: RefusalCode, error: unknown): null => {
    if (error instanceof HubError) throw error;
    const refusal = error instanceof CallRefusal ? error : new CallRefusal(failure);
    if (error instanceof CallRefusal) report(name, caller, error);
    else options.log?.(`${refusal.message}: ${(error as Error).stack ?? String(error)}`);
    // With extensions the method is named too: a relay's refusal must not be taken for a call operation's.
    const args = options.extensions ? [refusal.message, refusal.code, name] : [refusal.message];
    rules.send(caller.connectionId, clientEvents.callError, args);
    return null;
  };

  type Run = (caller: ConnectionInfo, args: Array<string | null>) => unknown;
  /** A baseline method; one whose rule finishes synchronously (a relay) answers without a promise. */
  const method = (name: string, [arity, failure, run]: readonly [number, RefusalCode, Run]): HubMethod => ({
    arity,
    handler: (caller, args) => {
      const strings = stringArgs(args);
      let result: unknown;
      try {
        result = run(caller, strings);
      } catch (error) {
        return refused(name, caller, failure, error);
      }
      if (!(result instanceof Promise)) return result ?? null;
      return result.then(
        (value: unknown) => value ?? null,
        (error: unknown) => refused(name, caller, failure, error),
      );
    },
  });

  const baseline: Record<string, readonly [number, RefusalCode, Run]> = {
    [hubMethods.initiateCall]: [
      3,
      'initiate-failed',
      (c, [callee, type, conversation]) => rules.initiate(c, callee ?? null, type ?? null, conversation ?? null),
    ],
    [hubMethods.acceptCall]: [1, 'accept-failed', (c, [callId]) => rules.accept(c, callId ?? null)],
    [hubMethods.rejectCall]: [
      2,
      'reject-failed',
      (c, [callId, reason]) => rules.reject(c, callId ?? null, reason ?? null),
    ],
    [hubMethods.endCall]: [1, 'end-failed', (c, [callId]) => rules.end(c, callId ?? null)],
    [hubMethods.sendOffer]: [
      2,
      'send-offer-failed',
      (c, [callId, sdp]) => signals.relay('offer', c, callId ?? null, sdp ?? null),
    ],
    [hubMethods.sendAnswer]: [
      2,
      'send-answer-failed',
      (c, [callId, sdp]) => signals.relay('answer', c, callId ?? null, sdp ?? null),
    ],
    [hubMethods.sendIceCandidate]: [
      2,
      'send-candidate-failed',
      (c, [callId, candidate]) => signals.relay('candidate', c, callId ?? null, candidate ?? null),
    ],
    [hubMethods.updateCallStatus]: [
      2,
      'update-status-failed',
      (c, [callId, status]) => signals.updateStatus(c, callId ?? null, status ?? null),
    ],
  };
  const methods: Record<string, HubMethod> = Object.fromEntries(
    Object.entries(baseline).map(([name, spec]) => [name, method(name, spec)]),
  );

  if (options.extensions) {
    methods[hubMethods.getHubInfo] = {
      arity: 0,
      handler: (): HubInfoResult => ({
        protocol: 'thrume-calls',
        version: 1,
        features: [...(options.features ?? hubFeatures)],
        ringTimeoutMs: options.ringTimeoutMs,
        reconnectGraceMs: options.reconnectGraceMs,
      }),
    };
    methods[hubMethods.rejoinCall] = {
      arity: 1,
      handler: (caller, args) => connections.rejoin(caller, stringArgs(args)[0] ?? null),
    };
  }

  return {
    methods,
    rules,
    onConnected: (connection) => connections.connected(connection),
    onDisconnected: (connection) => connections.disconnected(connection),
    stop: () => rules.stop(),
    resume: (suspended) => connections.resume(suspended),
  };
}

const relayMethods = {
  offer: hubMethods.sendOffer,
  answer: hubMethods.sendAnswer,
  candidate: hubMethods.sendIceCandidate,
  status: hubMethods.updateCallStatus,
} as const;

/**
 * Every argument of every call method is a string or null. Anything else fails the invocation, as
 * ASP.NET fails to bind a JSON number or object to a string parameter.
 */
function stringArgs(args: readonly unknown[]): Array<string | null> {
  return args.map((arg, i) => {
    if (arg === null || arg === undefined) return null;
    if (typeof arg !== 'string') {
      throw new HubError(
        `Error binding arguments: argument ${i + 1} must be a string or null, got ${Array.isArray(arg) ? 'array' : typeof arg}.`,
      );
    }
    return arg;
  });
}
