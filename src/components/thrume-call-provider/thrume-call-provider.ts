import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { callContext, type CallHandle } from '../../context.js';
import { CallController } from '../../services/call-controller.js';
import { SignalRSignaling } from '../../services/signaling/signalr-signaling.js';
import type { Signaling } from '../../services/signaling/signaling.js';
import type { MediaService } from '../../services/media.js';
import type { PeerResolver } from '../../services/peer-profile.js';
import { stringsContext, type CallStrings } from '../../strings.js';
import { styles } from './thrume-call-provider.styles.js';

const rebuildOn = [
  'hubUrl',
  'accessTokenFactory',
  'withCredentials',
  'iceServers',
  'iceTransportPolicy',
  'signaling',
  'media',
  'ringTimeout',
] as const;

/**
 * Creates the call controller (or is handed one) and provides it to every Thrume element inside it,
 * with `@lit/context`. It connects to the hub at `hub-url` over SignalR, with a bearer token from
 * `accessTokenFactory` or the page's cookies, or uses the `signaling` it is given (a loopback
 * signaling in tests and stories). A controller it created is disposed when it leaves the page:
 * the call ends and the camera and microphone are released.
 *
 * Names and pictures: Thrume's hub tells the callee only the caller's user name. `peerResolver`
 * maps a user id (and that hint) to `{ name, avatarUrl }` from what the page knows, at once or as a
 * promise; the elements show its answer, else the hub's name (the reference hub's extended mode
 * sends the display name and picture), else the id. It is asked once per call; an answer that is
 * late (1.5 s; the controller's `peerResolverTimeoutMs`), throws or is not a profile changes nothing,
 * and the call goes on.
 *
 * Languages: the elements speak the language of their nearest `lang` (de, fr, es, uk, pl and ar ship,
 * loaded on demand; `registerLocale` adds others) and follow `dir="rtl"`.
 *
 * @summary Provides one call controller to the call elements inside it.
 *
 * @slot - The page content that holds the call elements.
 */
@customElement('thrume-call-provider')
export class ThrumeCallProvider extends LitElement {
  static override styles = styles;

  /** The SignalR hub's URL, for example `https://api.example.com/chathub`. */
  @property({ attribute: 'hub-url' }) hubUrl = '';

  /** Gives a bearer token for the hub; without it the hub's cookies are used. */
  @property({ attribute: false }) accessTokenFactory?: () => string | Promise<string>;

  /** Send no cookies to a hub on another origin. */
  @property({ type: Boolean, attribute: 'no-credentials' }) noCredentials = false;

  /** STUN and TURN servers, as JSON in the attribute; the controller's defaults (or the hub's list) without it. */
  @property({ type: Array, attribute: 'ice-servers' }) iceServers?: RTCIceServer[];

  /** `relay` sends media only through the TURN servers among `ice-servers`, hiding each side's IP address from the other. */
  @property({ attribute: 'ice-transport-policy' }) iceTransportPolicy?: RTCIceTransportPolicy;

  /** How long a call may ring, in milliseconds, when the hub has no ring timeout of its own. */
  @property({ type: Number, attribute: 'ring-timeout' }) ringTimeout?: number;

  /** Gives the other person's name and picture, `(userId, hint) => ({ name, avatarUrl })` or a promise of it; may be set at any time. */
  @property({ attribute: false }) peerResolver?: PeerResolver;

  /** A signaling to use instead of SignalR, such as `new LoopbackHub().connect({ id, name })`. */
  @property({ attribute: false }) signaling?: Signaling;

  /** The camera, microphone and screen source; the browser's own without it (`SyntheticMedia` in stories). */
  @property({ attribute: false }) media?: MediaService;

  /** Replacement strings for every element inside, over their language's; see `CallStrings` for the keys. */
  @property({ attribute: false }) strings?: Partial<CallStrings>;

  private handed?: CallHandle;
  private created?: CallController;
  private readonly provider = new ContextProvider(this, { context: callContext });
  private readonly stringsProvider = new ContextProvider(this, { context: stringsContext });

  /** The call controller provided: the one set here, or the one this element created. */
  @property({ attribute: false })
  get controller(): CallHandle | undefined {
    return this.handed ?? this.created;
  }

  set controller(controller: CallHandle | undefined) {
    const old = this.controller;
    this.handed = controller;
    this.requestUpdate('controller', old);
  }

  /** For compatibility with `withCredentials` in SignalR's options. */
  get withCredentials(): boolean {
    return !this.noCredentials;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate(); // recreate the controller disposed on disconnect
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dropCreated();
    this.provider.setValue(this.handed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const settingsChanged = rebuildOn.some((name) => changed.has(name)) || changed.has('noCredentials');
    if (this.handed) this.dropCreated();
    else if (!this.created || settingsChanged) this.build();
    this.provider.setValue(this.controller);
    this.stringsProvider.setValue(this.strings);
  }

  override render() {
    return html`<slot></slot>`;
  }

  private build(): void {
    this.dropCreated();
    const signaling =
      this.signaling ??
      (this.hubUrl
        ? new SignalRSignaling({
            url: this.hubUrl,
            accessTokenFactory: this.accessTokenFactory,
            withCredentials: this.withCredentials,
          })
        : null);
    if (!signaling) return;
    const { media, iceServers, iceTransportPolicy, ringTimeout: ringTimeoutMs } = this;
    // The resolver is read when a call starts, so setting it needs no new controller.
    const peerResolver: PeerResolver = (userId, hint) => this.peerResolver?.(userId, hint);
    const controller = new CallController({
      signaling,
      media,
      iceServers,
      iceTransportPolicy,
      ringTimeoutMs,
      peerResolver,
    });
    this.created = controller;
    controller.connect().catch(() => undefined); // the failure is in controller.state.error and `signaling`
  }

  private dropCreated(): void {
    const created = this.created;
    this.created = undefined;
    void created?.dispose().catch(() => undefined);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'thrume-call-provider': ThrumeCallProvider;
  }
}
