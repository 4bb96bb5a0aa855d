// Whether the viewport is phone-sized: the one rule for when the incoming call becomes a sheet along the
// bottom edge and the active call covers the viewport. A phone held in landscape is short, not narrow.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const phoneViewportQuery = '(max-width: 600px), (max-height: 500px)';

/** Re-renders its host when the viewport crosses the phone size. */
export class PhoneViewport implements ReactiveController {
  private media?: MediaQueryList;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get matches(): boolean {
    return this.media?.matches ?? false;
  }

  hostConnected(): void {
    this.media = matchMedia(phoneViewportQuery);
    this.media.addEventListener('change', this.changed);
  }

  hostDisconnected(): void {
    this.media?.removeEventListener('change', this.changed);
  }

  private readonly changed = () => this.host.requestUpdate();
}
