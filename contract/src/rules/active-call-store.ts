// Active calls and the "busy" map (user -> their one active call). In process today; the interface
// is async and every method is one atomic step, so a Redis implementation (a Lua script per method)
// can replace it for several nodes without touching the call rules.

import type { Call } from './model.ts';

export interface ActiveCallStore {
  /**
   * Inserts `call` and marks both users busy, only if neither user is busy. This is the atomic half
   * of check-and-create: two simultaneous calls between the same users can never both be stored.
   */
  create(call: Call): Promise<boolean>;
  get(callId: string): Promise<Call | null>;
  /** Replaces a stored call (same id); returns false when it is no longer stored. */
  put(call: Call): Promise<boolean>;
  /** Removes the call and the busy entries that point at it (and only those). */
  remove(callId: string): Promise<Call | null>;
  activeCallOf(userId: string): Promise<Call | null>;
  all(): Promise<Call[]>;
  /**
   * The stored call at once, for stores that hold calls in this process (optional: a shared store
   * leaves it out and the relay takes the locked path). Every method above is one atomic step, so
   * what `peek` returns is a state a locked reader could also have seen.
   */
  peek?(callId: string): Call | null;
}

export class MemoryActiveCallStore implements ActiveCallStore {
  private readonly calls = new Map<string, Call>();
  private readonly busy = new Map<string, string>();

  async create(call: Call): Promise<boolean> {
    if (this.calls.has(call.id) || this.busy.has(call.callerId) || this.busy.has(call.calleeId)) return false;
    this.calls.set(call.id, call);
    this.busy.set(call.callerId, call.id);
    this.busy.set(call.calleeId, call.id);
    return true;
  }

  async get(callId: string): Promise<Call | null> {
    return this.calls.get(callId) ?? null;
  }

  async put(call: Call): Promise<boolean> {
    if (!this.calls.has(call.id)) return false;
    this.calls.set(call.id, call);
    return true;
  }

  async remove(callId: string): Promise<Call | null> {
    const call = this.calls.get(callId);
    if (call === undefined) return null;
    this.calls.delete(callId);
    for (const user of [call.callerId, call.calleeId]) {
      if (this.busy.get(user) === callId) this.busy.delete(user);
    }
    return call;
  }

  async activeCallOf(userId: string): Promise<Call | null> {
    const callId = this.busy.get(userId);
    return callId === undefined ? null : (this.calls.get(callId) ?? null);
  }

  peek(callId: string): Call | null {
    return this.calls.get(callId) ?? null;
  }

  async all(): Promise<Call[]> {
    return [...this.calls.values()];
  }
}
