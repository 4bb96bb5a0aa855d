import { html, nothing } from 'lit';
import { CallElement } from '../call-element.js';
import { customElement, property } from 'lit/decorators.js';

import { ThrumeCallEvent } from '../../events.js';
import { icon } from '../../icons.js';
import { isInCall, type CallType } from '../../services/call-state.js';
import { canShareScreen } from '../../services/media.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './thrume-call-button.styles.js';

export const callActions = ['voice', 'video', 'screen-share'] as const;
export type CallAction = (typeof callActions)[number];

/**
 * Voice, video and screen-share call buttons for one callee. They stay focusable but do
 * nothing while a call is ringing or going on, and say why through `aria-describedby`.
 *
 * @summary Call buttons for one person: voice, video, and video with screen sharing.
 *
 * @csspart base - The group around the buttons.
 * @csspart button - Every call button.
 * @csspart voice - The voice call button.
 * @csspart video - The video call button.
 * @csspart screen-share - The call-and-share-screen button.
 * @csspart label - The buttons' text (visually hidden unless `show-labels`).
 * @csspart reason - Why the buttons are disabled (visually hidden).
 *
 * @cssprop --thrume-call-button-background - Button background.
 * @cssprop --thrume-call-button-hover-background - Button background on hover.
 * @cssprop --thrume-call-button-color - Icon and text colour.
 * @cssprop --thrume-call-button-border-color - Button border colour.
 * @cssprop --thrume-call-button-radius - Button corner radius.
 * @cssprop --thrume-call-button-gap - Space between the buttons.
 * @cssprop --thrume-call-button-font-size - Text and icon size.
 * @cssprop --thrume-call-button-size - Minimum width and height of each button (44 px, the touch minimum).
 *
 * @fires {ThrumeCallEvent} thrume-call - A call button was pressed (`ThrumeCallEvent`); `preventDefault()` keeps the element from calling.
 */
@customElement('thrume-call-button')
export class ThrumeCallButton extends CallElement {
  static override styles = [tokens, styles];

  /** The user id of the person to call. */
  @property({ attribute: 'callee-id' }) calleeId = '';

  /** The callee's display name, for labels and the call's record. */
  @property({ attribute: 'callee-name' }) calleeName = '';

  /** The conversation the call belongs to. */
  @property({ attribute: 'conversation-id' }) conversationId = '';

  /** Which buttons to show, space-separated: `voice`, `video`, `screen-share`. */
  @property() actions = 'voice video screen-share';

  /** Show the buttons' text next to their icons (it is always there for assistive technology). */
  @property({ type: Boolean, attribute: 'show-labels' }) showLabels = false;

  /** Why the buttons do nothing now, or an empty string when they can call. */
  get disabledReason(): string {
    const text = this.text;
    const { status, signaling } = this.binding.state;
    if (status === 'incoming') return text.ringingReason;
    if (isInCall(status)) return text.busyReason;
    if (!this.binding.controller || signaling !== 'connected') return text.offlineReason;
    return '';
  }

  override render() {
    const text = this.text;
    const reason = this.disabledReason;
    const shown = new Set(this.actions.split(/\s+/));
    const button = (action: CallAction, iconName: 'Phone' | 'Video' | 'ScreenShare', label: string) => html`
      <button
        part="button ${action}"
        type="button"
        aria-disabled=${reason ? 'true' : 'false'}
        aria-describedby=${reason ? 'reason' : nothing}
        title=${reason || label}
        @click=${() => this.call(action)}
      >
        ${icon(iconName)}<span part="label" class=${this.showLabels ? '' : 'visually-hidden'}>${label}</span>
      </button>
    `;
    return html`
      <div part="base" role="group" aria-label=${this.calleeName || nothing}>
        ${shown.has('voice') ? button('voice', 'Phone', text.voiceCall(this.calleeName)) : nothing}
        ${shown.has('video') ? button('video', 'Video', text.videoCall(this.calleeName)) : nothing}
        ${shown.has('screen-share') && canShareScreen() ? button('screen-share', 'ScreenShare', text.screenShareCall(this.calleeName)) : nothing}
        <span id="reason" part="reason" class="visually-hidden">${reason}</span>
      </div>
    `;
  }

  private call(action: CallAction): Promise<void> | void {
    if (this.disabledReason) return;
    const { calleeId, calleeName, conversationId } = this;
    const type: CallType = action === 'voice' ? 'voice' : 'video';
    const shareScreen = action === 'screen-share';
    return this.request(new ThrumeCallEvent(calleeId, type, calleeName, conversationId, shareScreen), (controller) =>
      controller.initiateCall(calleeId, type, { calleeName, conversationId, shareScreen }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'thrume-call-button': ThrumeCallButton;
  }
}
