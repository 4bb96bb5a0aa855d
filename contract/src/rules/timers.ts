// Named one-shot timers (ring timeout, reconnect grace). Setting a name again replaces its timer.
// A timer holds data, not a closure, so that a store shared by several hub nodes can fire it on any
// node: the call hub hands every due task to one handler.

import type { Role } from './model.ts';

export type TimerTask =
  | { readonly kind: 'ring'; readonly callId: string }
  | { readonly kind: 'grace'; readonly callId: string; readonly role: Role; readonly connectionId: string };

export interface Timers {
  /** Where due tasks go; set once, by the call hub. */
  onDue(handler: (task: TimerTask) => Promise<void>): void;
  set(name: string, delayMs: number, task: TimerTask): Promise<void> | void;
  clear(name: string): Promise<void> | void;
  /** Stops the timers this process runs (a shutdown); a shared store's timers fire on the other nodes. */
  clearAll(): void;
}

export class MemoryTimers implements Timers {
  private readonly handles = new Map<string, TimerHandle>();
  private handler: (task: TimerTask) => Promise<void> = async () => {};

  onDue(handler: (task: TimerTask) => Promise<void>): void {
    this.handler = handler;
  }

  set(name: string, delayMs: number, task: TimerTask): void {
    this.clear(name);
    const handle = setTimeout(() => {
      this.handles.delete(name);
      void this.handler(task);
    }, delayMs);
    // In Node a pending ring or grace timer must not keep a stopping process alive; browsers have no unref.
    (handle as { unref?: () => void }).unref?.();
    this.handles.set(name, handle);
  }

  clear(name: string): void {
    const handle = this.handles.get(name);
    if (handle !== undefined) clearTimeout(handle);
    this.handles.delete(name);
  }

  clearAll(): void {
    for (const handle of this.handles.values()) clearTimeout(handle);
    this.handles.clear();
  }
}
