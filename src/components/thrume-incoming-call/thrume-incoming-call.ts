import { html, nothing, type PropertyValues } from 'lit';
import { CallElement } from '../call-element.js';
import { customElement, property, query } from 'lit/decorators.js';

import { ThrumeAnswerEvent, ThrumeDeclineEvent } from '../../events.js';
import { avatar, avatarStyles } from '../../avatar.js';
import { deepActiveElement, focusIsWithin, restoreFocus } from '../../focus.js';
import { icon } from '../../icons.js';
import type { CallInfo } from '../../services/call-state.js';
import { Tone, ringtone } from '../../tones.js';
import { tokens } from '../../styles/tokens.js';
import { PhoneLayout } from '../phone-layout.js';
import { styles } from './thrume-incoming-call.styles.js';

/**
 * The ringing call, as an alert dialog: it takes focus (on Accept) while it rings and
 * gives it back after, Escape declines, and a live region announces the caller. The ringtone is made
 * with WebAudio and starts with the first user gesture when the browser blocks sound before one. The
 * dialog goes away by itself when the caller cancels, the ring times out or another device answers.
 * On a phone-sized viewport (at most 600 px wide, or 500 px tall) it is a full-width sheet along the
 * bottom edge, inside the safe areas, with large buttons; elsewhere a card in the top corner.
 *
 * @summary Incoming call alert dialog: caller, call type, accept, accept with audio only, decline.
 *
 * @csspart base - The dialog.
 * @csspart caller - The caller's avatar, name and call type.
 * @csspart avatar - The caller's picture or initials.
 * @csspart title - The "Incoming call" heading.
 * @csspart name - The caller's name.
 * @csspart type - The call type.
 * @csspart actions - The buttons.
 * @csspart button - Every button.
 * @csspart accept - The Accept button.
 * @csspart accept-audio - The Accept with audio only button (video calls).
 * @csspart decline - The Decline button.
 * @csspart announcer - The live region that announces the caller (visually hidden).
 *
 * @cssprop --thrume-incoming-call-background - Dialog background.
 * @cssprop --thrume-incoming-call-color - Dialog text colour.
 * @cssprop --thrume-incoming-call-border-color - Dialog border colour.
 * @cssprop --thrume-incoming-call-radius - Dialog corner radius.
 * @cssprop --thrume-incoming-call-shadow - Dialog shadow.
 * @cssprop --thrume-incoming-call-width - Dialog width.
 * @cssprop --thrume-incoming-call-position - `fixed` (default) or `static`, `absolute`...
 * @cssprop --thrume-incoming-call-top - Distance from the top when positioned.
 * @cssprop --thrume-incoming-call-end - Distance from the inline end when positioned.
 * @cssprop --thrume-incoming-call-z-index - Stacking order when positioned.
 * @cssprop --thrume-incoming-call-avatar-size - Avatar size.
 * @cssprop --thrume-incoming-call-button-height - Button height in the card (at least 44 px for touch).
 * @cssprop --thrume-incoming-call-sheet-button-height - Button height in the sheet on a phone.
 * @cssprop --thrume-incoming-call-accept-background - Accept button colour.
 * @cssprop --thrume-incoming-call-decline-background - Decline button colour.
 *
 * @fires {ThrumeAnswerEvent} thrume-answer - Accept or Accept with audio only was pressed (`ThrumeAnswerEvent`, `audioOnly`); `preventDefault()` keeps the element from answering.
 * @fires {ThrumeDeclineEvent} thrume-decline - Decline or Escape was pressed (`ThrumeDeclineEvent`); `preventDefault()` keeps the element from declining.
 */
@customElement('thrume-incoming-call')
export class ThrumeIncomingCall extends CallElement {
  static override styles = [tokens, avatarStyles, styles];

  /** Play no ringtone. */
  @property({ type: Boolean }) silent = false;

  @query('[part~="accept"]') private acceptButton?: HTMLButtonElement;

  private readonly tone = new Tone(ringtone);
  private readonly phone = new PhoneLayout(this, () => import('./phone.js'));
  private shown: CallInfo | null = null;
  private returnFocusTo: HTMLElement | null = null;

  /** The call ringing here, or null. */
  get call(): CallInfo | null {
    const { status, incomingCall } = this.binding.state;
    return status === 'incoming' ? incomingCall : null;
  }

  /** Whether the ringtone is wanted now (it may still wait for a user gesture to be heard). */
  get ringtonePlaying(): boolean {
    return this.tone.playing;
  }

  /** Whether the ringtone can be heard now. */
  get ringtoneAudible(): boolean {
    return this.tone.audible;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.tone.stop();
  }

  protected override willUpdate(): void {
    const call = this.call;
    if (call && !this.shown) this.returnFocusTo = deepActiveElement();
    if (call && !this.silent) this.tone.start();
    else this.tone.stop();
  }

  protected override updated(_changed: PropertyValues): void {
    const call = this.call;
    if (call && call.id !== this.shown?.id) this.acceptButton?.focus();
    if (!call && this.shown) {
      if (focusIsWithin(this)) restoreFocus(this.returnFocusTo);
      this.returnFocusTo = null;
    }
    this.shown = call;
  }

  override render() {
    const text = this.text;
    const call = this.call;
    return html`
      <div part="announcer" class="visually-hidden" role="status" aria-live="assertive">
        ${call ? text.incomingAnnouncement(call.peerName, call.type) : ''}
      </div>
      ${
        call
          ? html`
            <div
              part="base"
              role="alertdialog"
              data-layout=${this.phone.phoneViewport ? 'sheet' : 'card'}
              aria-modal="false"
              aria-labelledby="title name"
              aria-describedby="type hint"
              @keydown=${this.declineOnEscape}
            >
              <div part="caller">
                ${avatar(call)}
                <h2 id="title" part="title">${text.incomingTitle}</h2>
                <p id="name" part="name">${call.peerName}</p>
                <p id="type" part="type">${icon(call.type === 'video' ? 'Video' : 'Phone')} ${text.callType[call.type]}</p>
              </div>
              <p id="hint" class="visually-hidden">${text.declineHint}</p>
              <div part="actions">
                <button part="button accept" type="button" @click=${() => this.answer(false)}>
                  ${icon(call.type === 'video' ? 'Video' : 'Phone')} ${text.accept}
                </button>
                ${
                  call.type === 'video'
                    ? html`<button part="button accept-audio" type="button" @click=${() => this.answer(true)}>
                      ${icon('Mic')} ${text.acceptAudioOnly}
                    </button>`
                    : nothing
                }
                <button part="button decline" type="button" @click=${this.decline}>${icon('PhoneOff')} ${text.decline}</button>
              </div>
            </div>
          `
          : nothing
      }
    `;
  }

  private answer(audioOnly: boolean): Promise<void> | void {
    if (!this.call) return;
    return this.request(new ThrumeAnswerEvent(audioOnly), (controller) => {
      this.tone.stop();
      return controller.acceptCall({ audioOnly });
    });
  }

  private decline(): Promise<void> | void {
    if (!this.call) return;
    return this.request(new ThrumeDeclineEvent(), (controller) => {
      this.tone.stop();
      return controller.rejectCall();
    });
  }

  private declineOnEscape(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    void this.decline();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'thrume-incoming-call': ThrumeIncomingCall;
  }
}
