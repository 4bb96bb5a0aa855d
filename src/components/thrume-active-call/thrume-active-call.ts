import { html, nothing } from 'lit';
import { CallElement } from '../call-element.js';
import { customElement, property, query, state } from 'lit/decorators.js';

import {
  ThrumeDismissEvent,
  ThrumeHangUpEvent,
  ThrumeSelectDeviceEvent,
  ThrumeToggleCameraEvent,
  ThrumeToggleMicrophoneEvent,
  ThrumeToggleScreenShareEvent,
  type DeviceKind,
} from '../../events.js';
import { avatarStyles } from '../../avatar.js';
import { deepActiveElement, focusIsWithin, restoreFocus } from '../../focus.js';
import { icon, type IconName } from '../../icons.js';
import { canShareScreen } from '../../services/media.js';
import type { CallInfo, CallState } from '../../services/call-state.js';
import type { CallStrings } from '../../strings.js';
import { Tone, ringback } from '../../tones.js';
import { tokens } from '../../styles/tokens.js';
import { deviceLabel, formatDuration, isoDuration, spokenDuration, statusLine } from './call-summary.js';
import { PhoneLayout } from '../phone-layout.js';
import { Inset, stage } from './stage.js';
import { defaultShortcuts, type CallShortcuts, type ShortcutAction } from './shortcut-keys.js';
import type { ScreenWakeLock } from './wake-lock.js';
import type { FullScreen } from './full-screen.js';
import type { PictureInPicture } from './picture-in-picture.js';
import { styles } from './thrume-active-call.styles.js';

export const overlayModes = ['auto', 'always', 'never'] as const;
export type OverlayMode = (typeof overlayModes)[number];

/**
 * The call in progress, from "Calling…" to how it ended. Remote video, or the other
 * person's avatar in a voice call; remote audio always plays through its own audio element (routed to
 * the chosen speaker where the browser can). The duration counts from when media connected. The
 * caller hears a WebAudio ringback while the other side rings.
 *
 * Phones: on a phone-sized viewport (at most 600 px wide, or 500 px tall as a phone in landscape) the
 * call covers the viewport while it is shown (`overlay`): remote video edge to edge, the controls in a
 * bar along the bottom, inside the safe areas; it takes focus, keeps Tab within it, and gives focus back
 * when closed. Elsewhere it stays in place, and a narrow one (in a sidebar) wraps its controls and
 * pickers to its own width, every target still 44x44 px. The small video in a corner (the inset) is
 * tapped, or its swap button pressed, to swap it with the large one; on a phone it can also be dragged
 * to another corner. The phone layout's styles and dragging are loaded on demand, where first used.
 *
 * Keyboard: while a call is shown, Control+Shift+M toggles the microphone, Control+Shift+O the camera,
 * Control+Shift+F full screen, and Control+Shift+H hangs up (by the key's place, in any layout); holding Space while muted talks
 * until it is let go. The buttons' tooltips and `aria-keyshortcuts` show them. None is taken while focus
 * is in a text field or another dialog; `shortcuts` changes them, `no-shortcuts` turns them off.
 *
 * Speaking: a ring shows around the other side's video or avatar while they speak (getStats' audio
 * level), and around this side's video and mute button while this side does (its microphone, through
 * Web Audio); speaking while muted shows "You are muted" instead (`muted-hint`).
 *
 * The screen stays on (Screen Wake Lock) while a video call is under way, where the browser allows it.
 * The full-screen button (Control+Shift+F) shows the call alone on the screen, laid out as on a phone;
 * where the browser refuses, a message says so, and the call goes on. The picture-in-picture button
 * keeps the call in sight over other pages and tabs: where the browser has Document Picture-in-Picture
 * (Chromium), the element itself moves into the window, controls, keys and page styles with it, and
 * comes back to its place when the window closes or the call ends; elsewhere the other side's video
 * goes into the browser's own window.
 *
 * @summary The call in progress: video, avatar, duration, mute, camera, screen share, hang up, devices.
 *
 * @csspart base - The whole call.
 * @csspart stage - The video area.
 * @csspart remote-video - The other side's video (or screen).
 * @csspart local-video - This side's own video, mirrored unless it is a screen.
 * @csspart inset - The small video in a corner (this side's, or the other side's once swapped); on a phone, drag it to move it.
 * @csspart swap - The button over the inset that swaps it with the large video.
 * @csspart avatar - The other person's picture or initials, when there is no video.
 * @csspart remote-audio - The audio element that plays the other side.
 * @csspart summary - Name, status, duration and quality.
 * @csspart name - The other person's name.
 * @csspart status - The status line (calling, connecting, reconnecting, how it ended).
 * @csspart duration - The call's duration.
 * @csspart quality - The connection quality verdict.
 * @csspart remote-state - What the other side is doing (muted, sharing).
 * @csspart error - The current error.
 * @csspart controls - The call control buttons.
 * @csspart control - Every call control button.
 * @csspart microphone - The mute button.
 * @csspart camera - The camera button.
 * @csspart screen-share - The screen-share button.
 * @csspart picture-in-picture - The picture-in-picture button (where the browser has Document Picture-in-Picture, or video picture-in-picture and the other side's video shows).
 * @csspart full-screen - The full-screen button (shown where the browser allows full screen).
 * @csspart hang-up - The hang-up (or cancel) button.
 * @csspart notice - A message about the view, such as full screen refused.
 * @csspart muted-hint - "You are muted", shown while this side speaks with its microphone muted.
 * @csspart dismiss - The button that hides the notice.
 * @csspart devices - The device pickers.
 * @csspart close - The Close button under an ended call.
 *
 * @cssprop --thrume-active-call-background - Background.
 * @cssprop --thrume-active-call-color - Text colour.
 * @cssprop --thrume-active-call-border-color - Border colour.
 * @cssprop --thrume-active-call-radius - Corner radius.
 * @cssprop --thrume-active-call-video-background - Background behind the video and avatar.
 * @cssprop --thrume-active-call-video-fit - `object-fit` of the remote video.
 * @cssprop --thrume-active-call-aspect-ratio - Aspect ratio of the video area.
 * @cssprop --thrume-active-call-stage-min-height - Minimum height of the video area.
 * @cssprop --thrume-active-call-stage-max-height - Maximum height of the video area in place, so the controls stay on the screen.
 * @cssprop --thrume-active-call-local-width - Width of the inset video.
 * @cssprop --thrume-active-call-inset-offset - Distance of the inset from the stage's edges.
 * @cssprop --thrume-active-call-avatar-size - Avatar size.
 * @cssprop --thrume-active-call-control-size - Control button size (at least 44 px for touch).
 * @cssprop --thrume-active-call-control-gap - Space between the control buttons.
 * @cssprop --thrume-active-call-z-index - Stacking order of the call while it covers the viewport.
 * @cssprop --thrume-active-call-overlay-background - Background while it covers the viewport.
 * @cssprop --thrume-active-call-overlay-summary-background - Behind the name and status over the video, while it covers the viewport.
 * @cssprop --thrume-active-call-control-background - Control button background.
 * @cssprop --thrume-active-call-control-pressed-background - Pressed control button background.
 * @cssprop --thrume-active-call-hang-up-background - Hang-up button colour.
 * @cssprop --thrume-active-call-speaking-color - The ring around whoever is speaking: the other side's video or avatar, this side's video and mute button.
 *
 * @fires {ThrumeToggleMicrophoneEvent} thrume-toggle-microphone - The mute button was pressed (`muted`: what it asks for); cancelable.
 * @fires {ThrumeToggleCameraEvent} thrume-toggle-camera - The camera button was pressed (`cameraOn`); cancelable.
 * @fires {ThrumeToggleScreenShareEvent} thrume-toggle-screen-share - The screen-share button was pressed (`screenSharing`); cancelable.
 * @fires {ThrumeHangUpEvent} thrume-hang-up - Hang up or cancel was pressed; cancelable.
 * @fires {ThrumeSelectDeviceEvent} thrume-select-device - A microphone, camera or speaker was picked (`kind`, `deviceId`); cancelable.
 * @fires {ThrumeDismissEvent} thrume-dismiss - The ended call's Close button was pressed; cancelable (keeps the summary).
 */
@customElement('thrume-active-call')
export class ThrumeActiveCall extends CallElement {
  static override styles = [tokens, avatarStyles, styles];

  /** Play no ringback tone while the other side rings. */
  @property({ type: Boolean }) silent = false;

  /** Hide the device pickers. */
  @property({ type: Boolean, attribute: 'hide-devices' }) hideDevices = false;

  /** When the call covers the viewport: `auto` on a phone-sized viewport, `always`, or `never` (it stays in place). */
  @property() overlay: OverlayMode = 'auto';

  /** Key combinations for `microphone`, `camera`, `full-screen` and `hang-up`, as `aria-keyshortcuts` writes them, over the defaults; '' turns one off. */
  @property({ attribute: false }) shortcuts: Partial<CallShortcuts> = {};

  /** Take no keyboard shortcuts, hold-to-talk included. */
  @property({ type: Boolean, attribute: 'no-shortcuts' }) noShortcuts = false;

  @query('audio') private audio?: HTMLAudioElement;
  @query('[part~="close"]') private closeButton?: HTMLButtonElement;
  @query('[part~="hang-up"]') private hangUpButton?: HTMLButtonElement;

  private readonly tone = new Tone(ringback);
  private readonly inset = new Inset(this);
  private readonly phone = new PhoneLayout(this, () =>
    import('./phone.js').then((phone) => (phone.enhance(this.renderRoot as ShadowRoot, this.inset), phone)),
  );
  private fullScreen?: FullScreen;
  private pictureInPicture?: PictureInPicture;
  @state() private notice?: 'fullScreenRefused' | 'pictureInPictureRefused';
  private wakeLock?: ScreenWakeLock;
  private inCall?: Promise<void>;
  private wasOverlaid = false;
  private clock?: ReturnType<typeof setInterval>;
  private wasVisible = false;
  private wasEnded = false;
  private returnFocusTo: HTMLElement | null = null;
  private sinkId: string | null = null;

  /** The call shown: in progress, or ended and not yet closed. Null when the element shows nothing. */
  get call(): CallInfo | null {
    const { status, activeCall } = this.binding.state;
    if (!activeCall || status === 'idle' || status === 'incoming') return null;
    return activeCall;
  }

  /** Whether the call covers the viewport now. */
  get overlaid(): boolean {
    if (this.call === null) return false;
    if (this.fullScreen?.active || this.pictureInPicture?.inWindow) return true;
    return this.overlay === 'always' || (this.overlay === 'auto' && this.phone.phoneViewport);
  }

  /** Whether the ringback is wanted now (it may still wait for a user gesture to be heard). */
  get ringbackPlaying(): boolean {
    return this.tone.playing;
  }

  /** Whether the screen is kept on now (Screen Wake Lock, during a video call, where the browser allows it). */
  get screenKeptOn(): boolean {
    return this.wakeLock?.held ?? false;
  }

  /** The key combinations in effect. */
  get shortcutKeys(): CallShortcuts {
    return { ...defaultShortcuts, ...this.shortcuts };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.tone.stop();
    clearInterval(this.clock);
    this.clock = undefined;
  }

  protected override willUpdate(): void {
    const { status } = this.binding.state;
    const visible = this.call !== null;
    if (visible && !this.wasVisible) this.returnFocusTo = deepActiveElement();
    if (visible)
      this.inCall ??= this.loadInCall().catch((error: unknown) =>
        console.error(
          'Thrume Calls: could not load the shortcuts, wake lock, full screen and picture-in-picture; the call goes on without them.',
          error,
        ),
      );
    if (this.overlay === 'always' || this.fullScreen?.active) void this.phone.useStyles();
    if (status === 'ended' || !visible) {
      this.fullScreen?.leave();
      this.pictureInPicture?.leave();
    }
    if (!visible) this.notice = undefined;
    if (status === 'calling' && !this.silent) this.tone.start();
    else this.tone.stop();
    const counting = status === 'active' || status === 'reconnecting';
    this.wakeLock?.want(counting && this.call?.type === 'video');
    if (counting && !this.clock) this.clock = setInterval(() => this.requestUpdate(), 1000);
    if (!counting && this.clock) {
      clearInterval(this.clock);
      this.clock = undefined;
    }
  }

  protected override updated(): void {
    const visible = this.call !== null;
    const ended = this.binding.state.status === 'ended' && visible;
    // The hang-up button is gone once the call ends: keep focus in the element, on Close.
    if (ended && !this.wasEnded && focusIsWithin(this)) this.closeButton?.focus();
    if (!visible && this.wasVisible && focusIsWithin(this)) restoreFocus(this.returnFocusTo);
    // Covering the page hides what had focus: bring it into the call.
    if (this.overlaid && !this.wasOverlaid && !this.shadowRoot!.activeElement)
      (this.hangUpButton ?? this.closeButton)?.focus();
    this.wasOverlaid = this.overlaid;
    this.wasVisible = visible;
    this.wasEnded = ended;
    if (!visible) this.sinkId = null;
    void this.routeAudio();
  }

  override render() {
    const call = this.call;
    if (!call) return nothing;
    const state = this.binding.state;
    const text = this.text;
    const ended = state.status === 'ended';
    return html`
      <section
        part="base"
        aria-label=${text.callWith(call.peerName)}
        data-status=${state.status}
        data-layout=${this.overlaid ? 'overlay' : 'inline'}
        data-speaking=${speakers(state) || nothing}
        role=${this.overlaid ? 'dialog' : nothing}
        aria-modal=${this.overlaid ? 'true' : nothing}
      >
        ${stage(call, state, text, this.inset)}
        <audio part="remote-audio" .srcObject=${state.remoteStream} autoplay></audio>
        <div part="summary">
          <h2 part="name">${call.peerName}</h2>
          <span part="status" role="status">${statusLine(state, text)}</span>
          ${call.connectedAt && !ended ? this.renderDuration(Date.now() - call.connectedAt.getTime(), text) : nothing}
          ${
            state.quality && !ended
              ? html`<span part="quality" data-verdict=${state.quality.verdict}>${text.quality}: ${text.verdict[state.quality.verdict]}</span>`
              : nothing
          }
          ${state.remoteControls.muted && !ended ? html`<span part="remote-state">${text.remoteMuted(call.peerName)}</span>` : nothing}
          ${state.remoteControls.screenSharing && !ended ? html`<span part="remote-state">${text.remoteSharing(call.peerName)}</span>` : nothing}
        </div>
        ${state.error ? html`<p part="error" role="alert">${text.errors[state.error.code]}</p>` : nothing}
        ${state.controls.muted && state.speaking.local && !ended ? html`<p part="muted-hint" role="status">${text.mutedHint}</p>` : nothing}
        ${
          this.notice
            ? html`<p part="notice" role="status">
              ${text[this.notice]}<button part="dismiss" type="button" @click=${() => (this.notice = undefined)}>${text.dismiss}</button>
            </p>`
            : nothing
        }
        ${
          ended
            ? html`<button part="close" type="button" @click=${this.dismiss}>${text.close}</button>`
            : html`${this.renderControls(state, text)} ${this.hideDevices ? nothing : this.renderDevices(state, text)}`
        }
      </section>
    `;
  }

  /** The clock for the eye; the label and the duration in words for a screen reader. */
  private renderDuration(ms: number, text: CallStrings) {
    const lang = this.locale.lang;
    return html`<time part="duration" datetime=${isoDuration(ms)}
      ><span aria-hidden="true">${formatDuration(ms, lang)}</span
      ><span class="visually-hidden">${text.duration}: ${spokenDuration(ms, lang)}</span></time
    >`;
  }

  private renderControls(state: CallState, text: CallStrings) {
    const { muted, cameraOn, screenSharing } = state.controls;
    const hangUp = state.status === 'calling' ? text.cancelCall : text.hangUp;
    const full = !!this.fullScreen?.active;
    const pip = !!this.pictureInPicture?.active;
    const keys: Partial<CallShortcuts> = this.noShortcuts ? {} : this.shortcutKeys;
    const control = (part: string, label: string, iconName: IconName, onClick: () => unknown, pressed?: boolean) => {
      const shortcut = keys[part as ShortcutAction] || undefined;
      const hint = shortcut
        ?.split('+')
        .map((key: string) => text.keys[key as keyof CallStrings['keys']] ?? key)
        .join('+');
      return html`<button
        part="control ${part}"
        type="button"
        aria-pressed=${pressed ?? nothing}
        aria-keyshortcuts=${shortcut ?? nothing}
        title=${hint ? `${label} (${hint})` : label}
        @click=${onClick}
      >
        ${icon(iconName)}<span class="visually-hidden">${label}</span>
      </button>`;
    };
    return html`<div part="controls" role="group" aria-label=${text.controls}>
      ${control('microphone', text.mute, muted ? 'MicOff' : 'Mic', this.toggleMicrophone, muted)}
      ${control('camera', text.cameraOff, cameraOn ? 'Video' : 'VideoOff', this.toggleCamera, !cameraOn)}
      ${
        canShareScreen()
          ? control(
              'screen-share',
              text.shareScreen,
              screenSharing ? 'ScreenShareOff' : 'ScreenShare',
              this.toggleScreenShare,
              screenSharing,
            )
          : nothing
      }
      ${
        this.pictureInPicture?.available
          ? control(
              'picture-in-picture',
              pip ? text.exitPictureInPicture : text.pictureInPicture,
              'PictureInPicture',
              this.togglePictureInPicture,
              pip,
            )
          : nothing
      }
      ${
        this.fullScreen?.available && !this.pictureInPicture?.inWindow
          ? control(
              'full-screen',
              full ? text.exitFullScreen : text.fullScreen,
              full ? 'Minimize' : 'Maximize',
              this.toggleFullScreen,
              full,
            )
          : nothing
      }
      ${control('hang-up', hangUp, 'PhoneOff', this.hangUp)}
    </div>`;
  }

  private renderDevices(state: CallState, text: CallStrings) {
    const { devices } = state;
    const picker = (kind: DeviceKind, label: string, list: readonly MediaDeviceInfo[], selected: string | null) =>
      list.length
        ? html`<label
            >${label}
            <select name=${kind} @change=${(e: Event) => this.selectDevice(kind, (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!selected}>${text.defaultDevice}</option>
              ${list
                .filter((d) => d.deviceId && d.deviceId !== 'default')
                .map(
                  (d, i) =>
                    html`<option value=${d.deviceId} ?selected=${d.deviceId === selected}>${deviceLabel(d, i, label)}</option>`,
                )}
            </select></label
          >`
        : nothing;
    return html`<div part="devices" role="group" aria-label=${text.devices}>
      ${picker('microphone', text.microphone, devices.microphones, devices.microphoneId)}
      ${picker('camera', text.camera, devices.cameras, devices.cameraId)}
      ${devices.canChooseSpeaker ? picker('speaker', text.speaker, devices.speakers, devices.speakerId) : nothing}
    </div>`;
  }

  /** Also waits for the call's keyboard shortcuts and wake lock, once a call is shown. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.inCall) return done;
    await this.inCall;
    return super.getUpdateComplete(); // and the render that added their buttons
  }

  /** The keyboard shortcuts, the wake lock, full screen and picture-in-picture, loaded when a call is first shown. */
  private async loadInCall(): Promise<void> {
    const [{ Shortcuts }, { ScreenWakeLock }, { FullScreen }, { PictureInPicture }] = await Promise.all([
      import('./shortcuts.js'),
      import('./wake-lock.js'),
      import('./full-screen.js'),
      import('./picture-in-picture.js'),
    ]);
    this.wakeLock = new ScreenWakeLock(this);
    this.fullScreen = new FullScreen(this);
    this.pictureInPicture = new PictureInPicture(
      this,
      () => this.renderRoot.querySelector('video[part~="remote-video"]'),
      () => this.phone.useStyles(), // the window shows the call as on a phone: full size, controls along the bottom
    );
    // It listens on the document while the call is shown, and needs no other reference.
    new Shortcuts(this, {
      active: () => !this.noShortcuts && this.call !== null && this.binding.state.status !== 'ended',
      keys: () => this.shortcutKeys,
      muted: () => this.binding.state.controls.muted,
      run: (action: ShortcutAction) => this.shortcutRuns[action].call(this),
    });
    this.requestUpdate();
  }

  private readonly shortcutRuns: Record<ShortcutAction, () => unknown> = {
    microphone: this.toggleMicrophone,
    camera: this.toggleCamera,
    'full-screen': this.toggleFullScreen,
    'hang-up': this.hangUp,
  };

  private async toggleFullScreen(): Promise<void> {
    this.notice = (await this.fullScreen?.toggle()) ? undefined : 'fullScreenRefused';
  }

  private async togglePictureInPicture(): Promise<void> {
    this.notice = (await this.pictureInPicture?.toggle()) ? undefined : 'pictureInPictureRefused';
  }

  private toggleMicrophone(): void {
    void this.request(new ThrumeToggleMicrophoneEvent(!this.binding.state.controls.muted), (c) => c.toggleMute());
  }

  private toggleCamera(): void {
    void this.request(new ThrumeToggleCameraEvent(!this.binding.state.controls.cameraOn), (c) => c.toggleCamera());
  }

  private toggleScreenShare(): void {
    void this.request(new ThrumeToggleScreenShareEvent(!this.binding.state.controls.screenSharing), (c) =>
      c.toggleScreenShare(),
    );
  }

  private hangUp(): void {
    void this.request(new ThrumeHangUpEvent(), (c) => c.endCall());
  }

  private selectDevice(kind: DeviceKind, deviceId: string): void {
    void this.request(new ThrumeSelectDeviceEvent(kind, deviceId), (c) =>
      kind === 'microphone'
        ? c.selectMicrophone(deviceId)
        : kind === 'camera'
          ? c.selectCamera(deviceId)
          : c.selectSpeaker(deviceId),
    );
  }

  private dismiss(): void {
    void this.request(new ThrumeDismissEvent(), (c) => c.dismiss());
  }

  /** Routes the remote audio to the chosen speaker. */
  private async routeAudio(): Promise<void> {
    const audio = this.audio;
    const wanted = this.binding.state.devices.speakerId;
    // Autoplay may refuse before a gesture; Accept or Call was one, so this normally plays at once.
    if (audio?.srcObject && audio.paused) audio.play().catch(() => undefined);
    if (!audio?.setSinkId || wanted === null || wanted === this.sinkId) return;
    this.sinkId = wanted;
    await audio.setSinkId(wanted).catch(() => undefined);
  }
}

/** Who shows as speaking: the other side, and this side unless muted (the muted hint says that). */
function speakers({ speaking, controls }: CallState): string {
  return [speaking.remote && 'remote', speaking.local && !controls.muted && 'local'].filter(Boolean).join(' ');
}

declare global {
  interface HTMLElementTagNameMap {
    'thrume-active-call': ThrumeActiveCall;
  }
}
