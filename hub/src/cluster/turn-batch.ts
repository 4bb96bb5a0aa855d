// Redis commands gathered over one turn of the event loop and sent as one batch at its end
// (setImmediate): the signaling messages that arrive in one poll phase share one write to Redis and
// one read of its replies, where each would cost its own. Measured by `npm run bench:cluster`.

export class TurnBatch<T, R> {
  private pending: Array<{ item: T; settle: (result: R | Error) => void }> = [];

  /** `run` answers every item, in order: a result, or an Error of that item alone. */
  constructor(private readonly run: (items: readonly T[]) => Promise<Array<R | Error>>) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ item, settle: (result) => (result instanceof Error ? reject(result) : resolve(result)) });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    let results: Array<R | Error>;
    try {
      results = await this.run(batch.map(({ item }) => item));
    } catch (error) {
      results = batch.map(() => error as Error);
    }
    batch.forEach(({ settle }, i) => settle(results[i]));
  }
}
