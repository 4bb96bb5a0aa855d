// The video area: one video (or the avatar) large, the other small in a corner, the inset. The inset is
// dragged with any pointer (touch too) and dropped in the nearest corner; a tap on it, or its swap
// button from the keyboard, swaps which video is large.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { avatar, type AvatarSource } from '../../avatar.js';
import type { CallInfo, CallState } from '../../services/call-state.js';
import type { CallStrings } from '../../strings.js';

export const insetCorners = ['top-start', 'top-end', 'bottom-start', 'bottom-end'] as const;
export type InsetCorner = (typeof insetCorners)[number];

/** Past this many CSS pixels a press on the inset is a drag, not a tap. */
const dragThreshold = 8;

/** Where the inset sits and which video is large; moves the inset under a dragging pointer. */
export class InsetDrag {
  corner: InsetCorner = 'bottom-end';
  swapped = false;
  private press?: { id: number; x: number; y: number };
  private dragged = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  readonly pointerDown = (event: PointerEvent) => {
    if (!event.isPrimary || event.button !== 0) return;
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    this.press = { id: event.pointerId, x: event.clientX, y: event.clientY };
    this.dragged = false;
  };

  readonly pointerMove = (event: PointerEvent) => {
    if (event.pointerId !== this.press?.id) return;
    const [dx, dy] = [event.clientX - this.press.x, event.clientY - this.press.y];
    if (!this.dragged && Math.hypot(dx, dy) < dragThreshold) return;
    this.dragged = true;
    (event.currentTarget as HTMLElement).style.translate = `${dx}px ${dy}px`;
  };

  readonly pointerUp = (event: PointerEvent) => {
    if (event.pointerId !== this.press?.id) return;
    this.press = undefined;
    const inset = event.currentTarget as HTMLElement;
    if (this.dragged && event.type === 'pointerup') this.corner = nearestCorner(inset);
    inset.style.translate = '';
    this.host.requestUpdate();
  };

  /** A click that ends a drag is no tap; a click from the keyboard (`detail` 0) always swaps. */
  readonly swap = (event: MouseEvent) => {
    if (this.dragged && event.detail !== 0) return;
    this.swapped = !this.swapped;
    this.host.requestUpdate();
  };
}

/** The corner of its stage nearest the inset's centre, in the stage's writing direction. */
function nearestCorner(inset: HTMLElement): InsetCorner {
  const box = inset.getBoundingClientRect();
  const stage = inset.parentElement!.getBoundingClientRect();
  const top = box.top + box.height / 2 < stage.top + stage.height / 2;
  const left = box.left + box.width / 2 < stage.left + stage.width / 2;
  const start = getComputedStyle(inset).direction === 'rtl' ? !left : left;
  return `${top ? 'top' : 'bottom'}-${start ? 'start' : 'end'}`;
}

export function stage(call: CallInfo, state: CallState, text: CallStrings, inset: InsetDrag, avatarFor?: AvatarSource): TemplateResult {
  const remote = state.remoteStream;
  const { cameraOn, screenSharing } = state.remoteControls;
  const remoteShown = !!remote?.getVideoTracks().length && (cameraOn || screenSharing);
  const local = state.localStream;
  const remoteView = remoteShown
    ? html`<video part="remote-video" class=${screenSharing ? 'screen' : ''} .srcObject=${remote} autoplay playsinline muted aria-label=${text.remoteVideo(call.peerName)}></video>`
    : avatar(call, avatarFor);
  const localView = local?.getVideoTracks().length
    ? html`<video part="local-video" class=${state.controls.screenSharing ? 'screen' : ''} .srcObject=${local} autoplay playsinline muted aria-label=${text.localVideo}></video>`
    : null;
  const swapped = inset.swapped && remoteShown && !!localView;
  const [large, small] = swapped ? [localView, remoteView] : [remoteView, localView];
  return html`<div part="stage">
    ${large}
    ${small
      ? html`<div
          part="inset"
          data-corner=${inset.corner}
          @pointerdown=${inset.pointerDown}
          @pointermove=${inset.pointerMove}
          @pointerup=${inset.pointerUp}
          @pointercancel=${inset.pointerUp}
        >
          ${small}
          ${remoteShown
            ? html`<button part="swap" type="button" aria-pressed=${swapped ? 'true' : 'false'} @click=${inset.swap}>
                <span class="visually-hidden">${text.swapVideos}</span>
              </button>`
            : nothing}
        </div>`
      : nothing}
  </div>`;
}
