// The video area: one video (or the avatar) large, the other small in a corner, the inset. A tap or
// click on the inset, or its swap button from the keyboard, swaps which video is large; on a phone the
// inset can also be dragged to another corner (phone.ts).
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { avatar } from '../../avatar.js';
import type { CallInfo, CallState } from '../../services/call-state.js';
import type { CallStrings } from '../../strings.js';

export type InsetCorner = `${'top' | 'bottom'}-${'start' | 'end'}`;

/** Where the inset sits and which video is large. */
export class Inset {
  corner: InsetCorner = 'bottom-end';
  swapped = false;
  /** Set while a drag is under way (phone layouts), so the click that ends it is no tap. */
  dragged = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  moveTo(corner: InsetCorner): void {
    this.corner = corner;
    this.host.requestUpdate();
  }

  /** A click that ends a drag is no tap; a click from the keyboard (`detail` 0) always swaps. */
  readonly swap = (event: MouseEvent) => {
    if (this.dragged && event.detail !== 0) return;
    this.swapped = !this.swapped;
    this.host.requestUpdate();
  };
}

export function stage(call: CallInfo, state: CallState, text: CallStrings, inset: Inset): TemplateResult {
  const remote = state.remoteStream;
  const { cameraOn, screenSharing } = state.remoteControls;
  const remoteShown = !!remote?.getVideoTracks().length && (cameraOn || screenSharing);
  const local = state.localStream;
  const remoteView = remoteShown
    ? html`<video part="remote-video" class=${screenSharing ? 'screen' : ''} .srcObject=${remote} autoplay playsinline muted aria-label=${text.remoteVideo(call.peerName)}></video>`
    : avatar(call);
  const localView = local?.getVideoTracks().length
    ? html`<video part="local-video" class=${state.controls.screenSharing ? 'screen' : ''} .srcObject=${local} autoplay playsinline muted aria-label=${text.localVideo}></video>`
    : null;
  const swapped = inset.swapped && remoteShown && !!localView;
  const [large, small] = swapped ? [localView, remoteView] : [remoteView, localView];
  // The inset takes the click: a drag captures the pointer there, so the click that ends one lands on it.
  // prettier-ignore
  const swapButton = remoteShown
    ? html`<button part="swap" type="button" aria-pressed=${swapped}><span class="visually-hidden">${text.swapVideos}</span></button>`
    : nothing;
  // prettier-ignore
  return html`<div part="stage">${large}${small
    ? html`<div part="inset" data-corner=${inset.corner} @click=${remoteShown ? inset.swap : nothing}>${small}${swapButton}</div>`
    : nothing}</div>`;
}
