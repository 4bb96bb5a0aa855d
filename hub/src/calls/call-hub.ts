// The call hub as the protocol layer sees it: a HubDefinition. This file maps hub methods to the
// call rules, checks argument types, and turns refusals into CallError events.

import { HubError, type ConnectionInfo, type HubDefinition, type HubMethod } from '../hub-api.ts';
import { CallConnections } from './call-connections.ts';
import { CallRefusal, CallRules, callErrors, type CallRulesOptions } from './call-rules.ts';
import { CallSignals } from './call-signals.ts';

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
  /** Ends every call in progress (recorded as Ended, participants told) and stops all timers. */
  shutdown(): Promise<number>;
}

export function createCallHub(options: CallRulesOptions): CallHub {
  const rules = new CallRules(options);
  const signals = new CallSignals(rules);
  const connections = new CallConnections(rules);

  /** A refusal becomes CallError(message) to the caller and the invocation completes with null. */
  const refused = (caller: ConnectionInfo, failure: string, error: unknown): null => {
    if (error instanceof HubError) throw error;
    const message = error instanceof CallRefusal ? error.message : failure;
    if (!(error instanceof CallRefusal)) options.log?.(`${failure}: ${(error as Error).stack ?? String(error)}`);
    rules.send(caller.connectionId, 'CallError', [message]);
    return null;
  };

  /** A baseline method; one whose rule finishes synchronously (a relay) answers without a promise. */
  const method = (arity: number, failure: string, run: (caller: ConnectionInfo, args: Array<string | null>) => unknown): HubMethod => ({
    arity,
    handler: (caller, args) => {
      const strings = stringArgs(args);
      let result: unknown;
      try {
        result = run(caller, strings);
      } catch (error) {
        return refused(caller, failure, error);
      }
      if (!(result instanceof Promise)) return result ?? null;
      return result.then(
        (value: unknown) => value ?? null,
        (error: unknown) => refused(caller, failure, error),
      );
    },
  });

  const methods: Record<string, HubMethod> = {
    InitiateCallAsync: method(3, callErrors.initiateFailed, (c, [callee, type, conversation]) =>
      rules.initiate(c, callee ?? null, type ?? null, conversation ?? null),
    ),
    AcceptCallAsync: method(1, callErrors.acceptFailed, (c, [callId]) => rules.accept(c, callId ?? null)),
    RejectCallAsync: method(2, callErrors.rejectFailed, (c, [callId, reason]) => rules.reject(c, callId ?? null, reason ?? null)),
    EndCallAsync: method(1, callErrors.endFailed, (c, [callId]) => rules.end(c, callId ?? null)),
    SendOfferAsync: method(2, 'Failed to send offer', (c, [callId, sdp]) => signals.relay('offer', c, callId ?? null, sdp ?? null)),
    SendAnswerAsync: method(2, 'Failed to send answer', (c, [callId, sdp]) => signals.relay('answer', c, callId ?? null, sdp ?? null)),
    SendIceCandidateAsync: method(2, 'Failed to send ICE candidate', (c, [callId, candidate]) =>
      signals.relay('candidate', c, callId ?? null, candidate ?? null),
    ),
    UpdateCallStatusAsync: method(2, 'Failed to update call status', (c, [callId, status]) =>
      signals.updateStatus(c, callId ?? null, status ?? null),
    ),
  };

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
    shutdown: () => rules.endAll(),
  };
}

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
