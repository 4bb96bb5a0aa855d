// The call hub as the protocol layer sees it: a HubDefinition. This file maps hub methods to the
// call rules, checks argument types, and turns refusals into CallError events.

import { HubError, type ConnectionInfo, type HubDefinition, type HubMethod } from '../hub-api.ts';
import type { SuspendedCall } from '../store/stores.ts';
import { CallConnections } from './call-connections.ts';
import { CallRefusal, CallRules, callErrors, type CallRulesOptions } from './call-rules.ts';
import { CallSignals, signalErrors } from './call-signals.ts';

import { hubFeatures } from '../../../src/services/signaling/contract.ts';

export { hubFeatures };

export interface HubInfo {
  readonly protocol: 'thrume-calls';
  readonly version: 1;
  readonly features: readonly string[];
  readonly ringTimeoutMs: number;
  readonly reconnectGraceMs: number;
}

export interface CallHub extends HubDefinition {
  readonly rules: CallRules;
  /** Graceful shutdown: connected calls suspended for a rejoin after the restart (extensions), the rest ended; timers stopped. */
  stop(): Promise<{ suspended: number; ended: number }>;
  /** At start: resumes the calls the last shutdown suspended. */
  resume(suspended: readonly SuspendedCall[]): Promise<number>;
}

export function createCallHub(options: CallRulesOptions): CallHub {
  const rules = new CallRules(options);
  /** Refusals are reported by code, also the ones the baseline keeps quiet (its signaling fails silently). */
  const report = (method: string, caller: ConnectionInfo, refusal: CallRefusal): void =>
    options.observe?.({ type: 'refusal', method, code: refusalCodes.get(refusal.message) ?? 'other', userId: caller.principal.userId });
  const signals = new CallSignals(rules, (caller, refusal, kind) => report(relayMethods[kind], caller, refusal));
  const connections = new CallConnections(rules);

  /** A refusal becomes CallError(message) to the caller and the invocation completes with null. */
  const refused = (name: string, caller: ConnectionInfo, failure: string, error: unknown): null => {
    if (error instanceof HubError) throw error;
    if (error instanceof CallRefusal) report(name, caller, error);
    else options.log?.(`${failure}: ${(error as Error).stack ?? String(error)}`);
    rules.send(caller.connectionId, 'CallError', [error instanceof CallRefusal ? error.message : failure]);
    return null;
  };

  type Run = (caller: ConnectionInfo, args: Array<string | null>) => unknown;
  /** A baseline method; one whose rule finishes synchronously (a relay) answers without a promise. */
  const method = (name: string, [arity, failure, run]: readonly [number, string, Run]): HubMethod => ({
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

  const baseline: Record<string, readonly [number, string, Run]> = {
    InitiateCallAsync: [3, callErrors.initiateFailed, (c, [callee, type, conversation]) => rules.initiate(c, callee ?? null, type ?? null, conversation ?? null)],
    AcceptCallAsync: [1, callErrors.acceptFailed, (c, [callId]) => rules.accept(c, callId ?? null)],
    RejectCallAsync: [2, callErrors.rejectFailed, (c, [callId, reason]) => rules.reject(c, callId ?? null, reason ?? null)],
    EndCallAsync: [1, callErrors.endFailed, (c, [callId]) => rules.end(c, callId ?? null)],
    SendOfferAsync: [2, 'Failed to send offer', (c, [callId, sdp]) => signals.relay('offer', c, callId ?? null, sdp ?? null)],
    SendAnswerAsync: [2, 'Failed to send answer', (c, [callId, sdp]) => signals.relay('answer', c, callId ?? null, sdp ?? null)],
    SendIceCandidateAsync: [2, 'Failed to send ICE candidate', (c, [callId, candidate]) => signals.relay('candidate', c, callId ?? null, candidate ?? null)],
    UpdateCallStatusAsync: [2, 'Failed to update call status', (c, [callId, status]) => signals.updateStatus(c, callId ?? null, status ?? null)],
  };
  const methods: Record<string, HubMethod> = Object.fromEntries(Object.entries(baseline).map(([name, spec]) => [name, method(name, spec)]));

  if (options.extensions) {
    methods.GetHubInfoAsync = {
      arity: 0,
      handler: (): HubInfo => ({
        protocol: 'thrume-calls',
        version: 1,
        features: [...hubFeatures],
        ringTimeoutMs: options.ringTimeoutMs,
        reconnectGraceMs: options.reconnectGraceMs,
      }),
    };
    methods.RejoinCallAsync = {
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

const relayMethods = { offer: 'SendOfferAsync', answer: 'SendAnswerAsync', candidate: 'SendIceCandidateAsync', status: 'UpdateCallStatusAsync' } as const;

/** The refusal code of each refusal text: the metrics count refusals by code. */
const refusalCodes = new Map<string, string>(Object.entries({ ...callErrors, ...signalErrors }).map(([code, text]) => [text, code]));

/**
 * Every argument of every call method is a string or null. Anything else fails the invocation, as
 * ASP.NET fails to bind a JSON number or object to a string parameter.
 */
function stringArgs(args: readonly unknown[]): Array<string | null> {
  return args.map((arg, i) => {
    if (arg === null || arg === undefined) return null;
    if (typeof arg !== 'string') {
      throw new HubError(`Error binding arguments: argument ${i + 1} must be a string or null, got ${Array.isArray(arg) ? 'array' : typeof arg}.`);
    }
    return arg;
  });
}
