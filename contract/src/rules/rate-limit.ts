// A rolling-window limit on attempts per key (InitiateCallAsync per user).

export interface RateLimiter {
  /** Records an attempt for `key`, or returns false (recording nothing) when the key is at its limit. */
  tryAcquire(key: string): Promise<boolean>;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async tryAcquire(key: string): Promise<boolean> {
    const now = this.now();
    if (this.attempts.size > 10_000) this.forgetIdle(now);
    const recent = (this.attempts.get(key) ?? []).filter((t) => now - t < this.windowMs);
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(now);
    if (recent.length === 0) this.attempts.delete(key);
    else this.attempts.set(key, recent);
    return allowed;
  }

  /** Drops the keys whose attempts have all left the window, so idle users cost no memory. */
  private forgetIdle(now: number): void {
    for (const [key, times] of this.attempts) {
      if (times.every((t) => now - t >= this.windowMs)) this.attempts.delete(key);
    }
  }
}
