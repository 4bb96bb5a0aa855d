// The hub's STUN and TURN list, renewed before its TURN credentials expire and before each ICE restart,
// so that a call longer than the credentials' lifetime can still gather relay candidates.

export interface IceServerList {
  readonly iceServers: RTCIceServer[];
  /** How long the TURN credentials last; null when they do not expire. */
  readonly ttlSeconds: number | null;
}

const retryAfterFailureMs = 15_000;

export class IceServerLease {
  private pending: Promise<void> | null = null;
  private timer?: ReturnType<typeof setTimeout>;
  private stopped = false;

  /**
   * @param fetchList asks the hub for a fresh list (null: it has none to give)
   * @param apply takes each new list, for the peer connection's next gathering
   * @param waitMs how long `renew()` waits for the hub: past it, the list in hand serves
   */
  constructor(
    private readonly fetchList: () => Promise<IceServerList | null>,
    private readonly apply: (iceServers: RTCIceServer[]) => void,
    private readonly waitMs = 2000,
  ) {}

  /** Fetches and applies a fresh list, one request at a time; never rejects, and settles within `waitMs`. */
  renew(): Promise<void> {
    this.pending ??= this.fetchList()
      .then(
        (list) => {
          if (this.stopped || !list) return;
          this.apply(list.iceServers);
          if (list.ttlSeconds) this.schedule((list.ttlSeconds * 1000) / 2); // halfway: a restart then still has half
        },
        () => this.schedule(retryAfterFailureMs),
      )
      .finally(() => (this.pending = null));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.waitMs)));
    return Promise.race([this.pending, waited]).finally(() => clearTimeout(timer));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (!this.stopped) this.timer = setTimeout(() => void this.renew(), delayMs);
  }
}
