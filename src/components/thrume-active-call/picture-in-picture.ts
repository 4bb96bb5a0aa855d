// The other side's video in a picture-in-picture window, so that the call stays in sight over the rest
// of the page or another tab. Leaving it gives focus back where it was. Loaded when a call is first shown.
import type { ReactiveController, ReactiveElement } from 'lit';
import { deepActiveElement, restoreFocus } from '../../focus.js';

export class PictureInPicture implements ReactiveController {
  private returnFocusTo: HTMLElement | null = null;

  constructor(
    private readonly host: ReactiveElement,
    private readonly video: () => HTMLVideoElement | null,
  ) {
    host.addController(this);
  }

  /** Whether the browser has picture-in-picture for the video shown now (Firefox and iOS web pages have none). */
  get available(): boolean {
    const video = this.video();
    return !!video && document.pictureInPictureEnabled && typeof video.requestPictureInPicture === 'function';
  }

  /** Whether the other side's video is in picture-in-picture now. */
  get active(): boolean {
    // The document sees only the host; the shadow root tells which of its videos it is.
    const root = this.host.renderRoot as ShadowRoot;
    return !!root.pictureInPictureElement && root.pictureInPictureElement === this.video();
  }

  /** Opens or closes the window; resolves false when the browser refuses. */
  async toggle(): Promise<boolean> {
    try {
      if (this.active) await document.exitPictureInPicture();
      else {
        this.returnFocusTo = deepActiveElement();
        await this.video()!.requestPictureInPicture();
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Closes the window if the call's video is in it (the call has ended). */
  leave(): void {
    if (this.active) document.exitPictureInPicture().catch(() => undefined);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('enterpictureinpicture', this.onChange);
    this.host.renderRoot.addEventListener('leavepictureinpicture', this.onLeave);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('enterpictureinpicture', this.onChange);
    this.host.renderRoot.removeEventListener('leavepictureinpicture', this.onLeave);
  }

  private readonly onChange = () => this.host.requestUpdate();

  private readonly onLeave = () => {
    restoreFocus(this.returnFocusTo);
    this.returnFocusTo = null;
    this.host.requestUpdate();
  };
}
