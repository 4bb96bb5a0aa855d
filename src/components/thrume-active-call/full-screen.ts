// The active call in full screen (the Fullscreen API, on the element itself). Leaving it, by the
// button, the shortcut or the browser's Escape, puts focus back where it was when it was entered.
import type { ReactiveController, ReactiveElement } from 'lit';
import { deepActiveElement, restoreFocus } from '../../focus.js';

export class FullScreen implements ReactiveController {
  private returnFocusTo: HTMLElement | null = null;
  private wasActive = false;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Whether this browser lets the page take the full screen (iPhones, iframes without `allow` do not). */
  get available(): boolean {
    return document.fullscreenEnabled && typeof this.host.requestFullscreen === 'function';
  }

  /** Whether the element is in full screen now. */
  get active(): boolean {
    return document.fullscreenElement === this.host;
  }

  /** Enters or leaves full screen; resolves false when the browser refuses. */
  async toggle(): Promise<boolean> {
    try {
      if (this.active) await document.exitFullscreen();
      else {
        this.returnFocusTo = deepActiveElement();
        await this.host.requestFullscreen();
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Leaves full screen if the element is in it (the call has ended). */
  leave(): void {
    if (this.active) document.exitFullscreen().catch(() => undefined);
  }

  hostConnected(): void {
    document.addEventListener('fullscreenchange', this.onChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('fullscreenchange', this.onChange);
  }

  private readonly onChange = () => {
    const active = this.active;
    if (this.wasActive && !active) restoreFocus(this.returnFocusTo);
    this.wasActive = active;
    this.host.requestUpdate();
  };
}
