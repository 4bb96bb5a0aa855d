// Named one-shot timers (ring timeout, reconnect grace). Setting a name again replaces its timer.

export interface Timers {
  set(name: string, delayMs: number, callback: () => void): void;
  clear(name: string): void;
  clearAll(): void;
}

export class MemoryTimers implements Timers {
  private readonly handles = new Map<string, TimerHandle>();

  set(name: string, delayMs: number, callback: () => void): void {
    this.clear(name);
    const handle = setTimeout(() => {
      this.handles.delete(name);
      callback();
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
