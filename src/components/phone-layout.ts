// Whether the viewport is phone-sized: the one rule for when the incoming call becomes a sheet along the
// bottom edge and the active call covers the viewport. A phone held in landscape is short, not narrow.
// Those layouts' styles are loaded only where they are used, and added to the element's own.
import type { CSSResult, ReactiveController, ReactiveElement } from 'lit';

export const phoneViewportQuery = '(max-width: 600px), (max-height: 500px)';

/** Re-renders its host when the viewport crosses the phone size; loads the phone styles when wanted. */
export class PhoneLayout implements ReactiveController {
  private media?: MediaQueryList;
  private loading?: Promise<void>;

  constructor(
    private readonly host: ReactiveElement,
    private readonly loadStyles: () => Promise<{ styles: CSSResult }>,
  ) {
    host.addController(this);
  }

  /** Whether the viewport is phone-sized now. */
  get phoneViewport(): boolean {
    return this.media?.matches ?? false;
  }

  /** Adds the phone styles to the host's (loading them the first time); resolves once they apply. */
  useStyles(): Promise<void> {
    // Every browser the kit supports adopts constructed style sheets (Lit's own styles use them).
    this.loading ??= this.loadStyles().then(
      ({ styles }) => void (this.host.renderRoot as ShadowRoot).adoptedStyleSheets.push(styles.styleSheet!),
    );
    return this.loading;
  }

  hostConnected(): void {
    this.media = matchMedia(phoneViewportQuery);
    this.media.addEventListener('change', this.changed);
    if (this.media.matches) void this.useStyles();
  }

  hostDisconnected(): void {
    this.media?.removeEventListener('change', this.changed);
  }

  private readonly changed = () => {
    if (this.phoneViewport) void this.useStyles();
    this.host.requestUpdate();
  };
}
