// Mutual exclusion by key: the call rules run each check-then-change step under the locks of the
// users and the call it touches, so concurrent invocations (glare, two accepts) are serialized.
// A multi-node deployment replaces this with a distributed lock.

export interface Locks {
  /** Runs `task` holding every key in `keys` (taken in sorted order, so two tasks cannot deadlock). */
  run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T>;
}

export class MemoryLocks implements Locks {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const releases: Array<() => void> = [];
    try {
      for (const key of sorted) releases.push(await this.acquire(key));
      return await task();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  private async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}
