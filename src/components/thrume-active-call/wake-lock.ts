// Keeps the screen on while a video call is under way (Screen Wake Lock). The browser lets a lock go
// when the page is hidden, so it is asked for again when the page comes back; a refusal, or a browser
// without the API, leaves the call as it is. Loaded when a call is first shown.
import type { ReactiveController, ReactiveElement } from 'lit';

type Sentinel = { released: boolean; release(): Promise<void> };
type WakeLockApi = { request(type: 'screen'): Promise<Sentinel> };

export class ScreenWakeLock implements ReactiveController {
  private wanted = false;
  private sentinel: Sentinel | null = null;
  private asking = false;

  constructor(host: ReactiveElement) {
    host.addController(this);
  }

  /** Whether the screen is held on now. */
  get held(): boolean {
    return !!this.sentinel && !this.sentinel.released;
  }

  /** Holds the screen on while `wanted`, lets it go otherwise. */
  want(wanted: boolean): void {
    if (wanted === this.wanted) return;
    this.wanted = wanted;
    if (wanted) void this.acquire();
    else this.release();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.want(false);
  }

  private readonly onVisibility = () => {
    if (this.wanted && !this.held && document.visibilityState === 'visible') void this.acquire();
  };

  private async acquire(): Promise<void> {
    const api = (navigator as Navigator & { wakeLock?: WakeLockApi }).wakeLock;
    if (!api || this.asking || this.held || document.visibilityState !== 'visible') return;
    this.asking = true;
    try {
      const sentinel = await api.request('screen');
      if (this.wanted) this.sentinel = sentinel;
      else void sentinel.release(); // the call ended while the browser was deciding
    } catch {
      // refused (a power-saving mode, a policy): the call goes on without it
    } finally {
      this.asking = false;
    }
  }

  private release(): void {
    const sentinel = this.sentinel;
    this.sentinel = null;
    if (sentinel && !sentinel.released) sentinel.release().catch(() => undefined);
  }
}
