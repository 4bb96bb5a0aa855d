// Binds an invocation to a hub method and runs it, producing the Completion ASP.NET would send.
// Method names match case-insensitively (DefaultHubDispatcher uses OrdinalIgnoreCase). Error texts are
// ASP.NET's (ErrorMessageHelper, DefaultHubDispatcher); only HubError messages cross the wire verbatim.

import { HubError, type ConnectionInfo, type HubDefinition, type HubMethod } from '../hub-api.ts';
import { MessageType, completionError, completionResult, type InvocationMessage } from './hub-protocol.ts';

export interface DispatchLogger {
  error(message: string, error?: unknown): void;
}

export class Dispatcher {
  private readonly methods = new Map<string, HubMethod>();

  constructor(
    hub: HubDefinition,
    private readonly logger: DispatchLogger,
  ) {
    for (const [name, method] of Object.entries(hub.methods)) {
      const key = name.toLowerCase();
      if (this.methods.has(key)) throw new Error(`Hub methods '${name}' and another differ only by case.`);
      this.methods.set(key, method);
    }
  }

  /**
   * Runs one invocation and returns the serialized Completion to send, or null when none is due
   * (no invocationId: fire-and-forget calls are never answered, not even with an error). A handler
   * that returns a plain value is answered synchronously, without a promise.
   */
  dispatch(caller: ConnectionInfo, message: InvocationMessage): string | null | Promise<string | null> {
    const { target, invocationId } = message;
    const failure = this.bindingFailure(message);
    if (failure !== null) {
      return invocationId === undefined ? null : completionError(invocationId, failure);
    }
    const method = this.methods.get(target.toLowerCase())!;
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

  /** The error text for an invocation that cannot be bound to a method, or null when it can. */
  private bindingFailure(message: InvocationMessage): string | null {
    const { target } = message;
    const method = this.methods.get(target.toLowerCase());
    if (method === undefined) {
      return `Failed to invoke '${target}' due to an error on the server. HubException: Method does not exist.`;
    }
    if (message.arguments.length !== method.arity) {
      // ASP.NET shows this detail only with EnableDetailedErrors; it leaks nothing, and it names the fault.
      return (
        `Failed to invoke '${target}' due to an error on the server. InvalidDataException: ` +
        `Invocation provides ${message.arguments.length} argument(s) but target expects ${method.arity}.`
      );
    }
    if (message.type === MessageType.StreamInvocation) {
      return `The client attempted to invoke the non-streaming '${target}' method with a streaming invocation.`;
    }
    if (message.streamIds !== undefined && message.streamIds.length > 0) {
      return (
        `An unexpected error occurred invoking '${target}' on the server. HubException: ` +
        `Client sent ${message.streamIds.length} stream(s), Hub method expects 0.`
      );
    }
    return null;
  }
}

/** ASP.NET's text for an exception thrown by a hub method: details only for a HubException. */
export function invocationErrorText(target: string, error: unknown): string {
  const text = `An unexpected error occurred invoking '${target}' on the server.`;
  return error instanceof HubError ? `${text} HubException: ${error.message}` : text;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
