// Binds an invocation to a hub method and runs it, producing the Completion ASP.NET would send.
// Method names match case-insensitively (DefaultHubDispatcher uses OrdinalIgnoreCase). Error texts are
// ASP.NET's (ErrorMessageHelper, DefaultHubDispatcher); only HubError messages cross the wire verbatim.

import {
  bindInvocation,
  HubError,
  invocationErrorText,
  methodsByName,
  type ConnectionInfo,
  type HubDefinition,
  type HubMethod,
} from '@thrume/calls-contract/rules';
import { MessageType, completionError, completionResult, type InvocationMessage } from './hub-protocol.ts';

export interface DispatchLogger {
  error(message: string, error?: unknown): void;
}

export class Dispatcher {
  private readonly methods: ReadonlyMap<string, HubMethod>;

  constructor(
    hub: HubDefinition,
    private readonly logger: DispatchLogger,
  ) {
    this.methods = methodsByName(hub);
  }

  /**
   * Runs one invocation and returns the serialized Completion to send, or null when none is due
   * (no invocationId: fire-and-forget calls are never answered, not even with an error). A handler
   * that returns a plain value is answered synchronously, without a promise.
   */
  dispatch(caller: ConnectionInfo, message: InvocationMessage): string | null | Promise<string | null> {
    const { invocationId } = message;
    const method = this.bind(message);
    if (typeof method === 'string') {
      return invocationId === undefined ? null : completionError(invocationId, method);
    }
    let result: unknown;
    try {
      result = method.handler(caller, message.arguments);
    } catch (error) {
      return this.failed(caller, message, error);
    }
    if (isPromiseLike(result)) {
      return Promise.resolve(result).then(
        (value) => this.completed(message, value),
        (error: unknown) => this.failed(caller, message, error),
      );
    }
    return this.completed(message, result);
  }

  private completed(message: InvocationMessage, result: unknown): string | null {
    const { target, invocationId } = message;
    if (invocationId === undefined) return null;
    try {
      return completionResult(invocationId, result);
    } catch (error) {
      this.logger.error(`The result of hub method '${target}' could not be serialized.`, error);
      return completionError(invocationId, invocationErrorText(target, error));
    }
  }

  private failed(caller: ConnectionInfo, message: InvocationMessage, error: unknown): string | null {
    const { target, invocationId } = message;
    if (!(error instanceof HubError)) {
      this.logger.error(`Hub method '${target}' failed for connection ${caller.connectionId}.`, error);
    }
    if (invocationId === undefined) return null;
    return completionError(invocationId, invocationErrorText(target, error));
  }

  /** The method an invocation runs, or the error text when it cannot be bound to one. */
  private bind(message: InvocationMessage): HubMethod | string {
    const { target } = message;
    const method = bindInvocation(this.methods, target, message.arguments.length);
    if (typeof method === 'string') return method;
    if (message.type === MessageType.StreamInvocation) {
      return `The client attempted to invoke the non-streaming '${target}' method with a streaming invocation.`;
    }
    if (message.streamIds !== undefined && message.streamIds.length > 0) {
      return (
        `An unexpected error occurred invoking '${target}' on the server. HubException: ` +
        `Client sent ${message.streamIds.length} stream(s), Hub method expects 0.`
      );
    }
    return method;
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
