// Picture-in-picture, so that the call stays in sight over the rest of the page or another tab. Where
// the browser has Document Picture-in-Picture (Chromium), the whole call moves into the window, controls
// and all, and back when the window closes; elsewhere the other side's video goes into the browser's
// own window. Leaving either gives focus back where it was. Loaded when a call is first shown.
import type { ReactiveController, ReactiveElement } from 'lit';
import { deepActiveElement, restoreFocus } from '../../focus.js';
import { languageOf } from '../../locale.js';

interface DocumentPictureInPicture {
  requestWindow(options?: { width?: number; height?: number }): Promise<Window>;
}

declare global {
  interface Window {
    documentPictureInPicture?: DocumentPictureInPicture;
  }
}

/** The size the window opens at; a person can resize it. */
const windowSize = { width: 480, height: 360 };

export class PictureInPicture implements ReactiveController {
  private returnFocusTo: HTMLElement | null = null;
  /** The Document Picture-in-Picture window the call is in, and where it came from in the page. */
  private window: Window | null = null;
  private placeInPage: Comment | null = null;
  private ownSheets: CSSStyleSheet[] = [];

  constructor(
    private readonly host: ReactiveElement,
    private readonly video: () => HTMLVideoElement | null,
    /** Readies the host for the window (its full-window layout's styles), before it moves there. */
    private readonly beforeMove: () => Promise<void>,
  ) {
    host.addController(this);
  }

  /** Whether the call can go into a window of its own (Document Picture-in-Picture, in a top-level page). */
  get movesCall(): boolean {
    return !!window.documentPictureInPicture && window.top === window;
  }

  /** Whether picture-in-picture is there: for the whole call, or for the video shown now (Firefox and iOS web pages have neither). */
  get available(): boolean {
    if (this.movesCall) return true;
    const video = this.video();
    return !!video && document.pictureInPictureEnabled && typeof video.requestPictureInPicture === 'function';
  }

  /** Whether the call is in its own window now. */
  get inWindow(): boolean {
    return this.window !== null;
  }

  /** Whether the call, or the other side's video, is in picture-in-picture now. */
  get active(): boolean {
    return this.inWindow || this.videoActive;
  }

  /** Opens or closes the window; resolves false when the browser refuses. */
  async toggle(): Promise<boolean> {
    try {
      if (this.window)
        this.window.close(); // its pagehide brings the call back
      else if (this.videoActive) await document.exitPictureInPicture();
      else {
        this.returnFocusTo = deepActiveElement();
        if (this.movesCall) await this.moveToWindow();
        else await this.video()!.requestPictureInPicture();
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Closes the window (the call has ended). */
  leave(): void {
    if (this.window) this.window.close();
    else if (this.videoActive) document.exitPictureInPicture().catch(() => undefined);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('enterpictureinpicture', this.onChange);
    this.host.renderRoot.addEventListener('leavepictureinpicture', this.onLeave);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('enterpictureinpicture', this.onChange);
    this.host.renderRoot.removeEventListener('leavepictureinpicture', this.onLeave);
  }

  private get videoActive(): boolean {
    // The document sees only the host; the shadow root tells which of its videos it is.
    const root = this.host.renderRoot as ShadowRoot;
    return !!root.pictureInPictureElement && root.pictureInPictureElement === this.video();
  }

  private async moveToWindow(): Promise<void> {
    const win = await window.documentPictureInPicture!.requestWindow(windowSize); // first: it needs the click's activation
    await this.beforeMove();
    const { documentElement, head, body } = win.document;
    documentElement.lang = languageOf(this.host);
    documentElement.dir = getComputedStyle(this.host).direction;
    body.style.margin = '0';
    copyPageStyles(head);
    // A constructed style sheet belongs to one document, and moving drops them: the window gets copies.
    const root = this.host.renderRoot as ShadowRoot;
    this.ownSheets = [...root.adoptedStyleSheets];
    this.placeInPage = document.createComment('thrume-active-call is in picture-in-picture');
    this.host.before(this.placeInPage);
    this.window = win;
    body.append(this.host);
    root.adoptedStyleSheets = this.ownSheets.map((sheet) => copySheet(sheet, win));
    playOn(root);
    win.addEventListener('pagehide', this.onWindowClosed, { once: true });
  }

  private readonly onWindowClosed = () => {
    // Where the page has since removed the call's place, the call goes with the window.
    this.placeInPage?.replaceWith(this.host);
    const root = this.host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = this.ownSheets;
    playOn(root);
    this.window = this.placeInPage = null;
    this.onLeave();
  };

  private readonly onChange = () => this.host.requestUpdate();

  private readonly onLeave = () => {
    restoreFocus(this.returnFocusTo);
    this.returnFocusTo = null;
    this.host.requestUpdate();
  };
}

/** Moving a video or audio element pauses it; autoplay does not start it again. */
function playOn(root: ShadowRoot): void {
  for (const media of root.querySelectorAll('video, audio')) (media as HTMLMediaElement).play().catch(() => undefined);
}

const cssText = (sheet: CSSStyleSheet) => Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');

function copySheet(sheet: CSSStyleSheet, win: Window): CSSStyleSheet {
  const copy = new (win as unknown as typeof globalThis).CSSStyleSheet();
  copy.replaceSync(cssText(sheet));
  return copy;
}

/** The page's own styles (its theme of the call, by custom properties and parts), into the window's head. */
function copyPageStyles(head: HTMLHeadElement): void {
  for (const sheet of document.styleSheets) {
    try {
      head.append(Object.assign(head.ownerDocument.createElement('style'), { textContent: cssText(sheet) }));
    } catch {
      // A cross-origin sheet's rules cannot be read: the window loads it itself.
      if (sheet.href)
        head.append(Object.assign(head.ownerDocument.createElement('link'), { rel: 'stylesheet', href: sheet.href }));
    }
  }
}
