// The controller's state: one frozen snapshot, replaced on every change, with `change` and `error` events.
import { CallError } from './errors.js';
import { initialCallState, type CallInfo, type CallState } from './call-state.js';

/** Fired on the controller for every error, whether or not the action's promise was awaited. */
export class CallErrorEvent extends Event {
  constructor(readonly error: CallError) {
    super('error');
  }
}

export abstract class CallStore extends EventTarget {
  private current: CallState = initialCallState;

  constructor(private readonly historyLimit = 50) {
    super();
  }

  /** The current snapshot; read-only, and replaced (never changed) on every `change` event. */
  get state(): CallState {
    return this.current;
  }

  protected set(patch: Partial<CallState>): void {
    this.current = Object.freeze({ ...this.current, ...patch });
    this.dispatchEvent(new Event('change'));
  }

  /** Adds an ended call to the history, newest first. */
  protected record(call: CallInfo): void {
    this.set({ callHistory: [call, ...this.current.callHistory].slice(0, this.historyLimit) });
  }

  /** Makes `error` the current error and fires it; returns it as a CallError, for throwing. */
  protected report(error: unknown): CallError {
    const callError =
      error instanceof CallError ? error : new CallError('WEBRTC_ERROR', String(error), { cause: error });
    this.set({ error: callError });
    this.dispatchEvent(new CallErrorEvent(callError));
    return callError;
  }
}
