// The active call on a phone, loaded only where the phone layout is used (see PhoneLayout): covering the
// viewport, the stage fills what the bar along the bottom leaves, the name and status over it, and Tab
// stays within it; the inset is dragged with a finger (or any pointer) to the corner nearest where it is
// let go.
import { css } from 'lit';
import type { Inset, InsetCorner } from './stage.js';

/** Past this many CSS pixels a press on the inset is a drag, not a tap. */
const dragThreshold = 8;

/** Makes the inset in `root` draggable, and keeps Tab within the call while it covers the viewport. */
export function enhance(root: ShadowRoot, inset: Inset): void {
  const on = <K extends keyof HTMLElementEventMap>(type: K, listener: (event: HTMLElementEventMap[K]) => void) =>
    root.addEventListener(type, listener as EventListener);
  on('keydown', (event) => {
    if (root.querySelector('[data-layout="overlay"]')) wrapTab(event, root);
  });
  let press: { id: number; x: number; y: number; target: HTMLElement } | undefined;
  on('pointerdown', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[part~="inset"]');
    if (!target || !event.isPrimary || event.button !== 0) return;
    press = { id: event.pointerId, x: event.clientX, y: event.clientY, target };
    inset.dragged = false;
  });
  on('pointermove', (event) => {
    if (event.pointerId !== press?.id) return;
    const [dx, dy] = [event.clientX - press.x, event.clientY - press.y];
    if (!inset.dragged && Math.hypot(dx, dy) < dragThreshold) return;
    // Captured only once it is a drag: a tap stays on the swap button, and its click with it.
    if (!inset.dragged) press.target.setPointerCapture(event.pointerId);
    inset.dragged = true;
    press.target.style.translate = `${dx}px ${dy}px`;
  });
  const release = (event: PointerEvent) => {
    if (event.pointerId !== press?.id) return;
    const { target } = press;
    press = undefined;
    if (inset.dragged && event.type === 'pointerup') inset.moveTo(nearestCorner(target));
    target.style.translate = '';
  };
  on('pointerup', release);
  on('pointercancel', release);
}

/** Keeps Tab and Shift+Tab cycling through the buttons and pickers in `root`, a layer that covers the page. */
function wrapTab(event: KeyboardEvent, root: ShadowRoot): void {
  if (event.key !== 'Tab') return;
  const stops = [...root.querySelectorAll<HTMLElement>('button, select')];
  const [first, last] = [stops[0], stops.at(-1)];
  if (root.activeElement !== (event.shiftKey ? first : last)) return;
  event.preventDefault();
  (event.shiftKey ? last : first)?.focus();
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

export const styles = css`
  [data-layout='overlay'] {
    position: fixed;
    inset: 0;
    z-index: var(--thrume-active-call-z-index, 900);
    grid-template-rows: minmax(0, 1fr);
    align-content: stretch;
    row-gap: calc(var(--_thrume-gap) / 2);
    padding: 0 0 max(var(--_thrume-gap), env(safe-area-inset-bottom));
    overflow: auto;
    overscroll-behavior: contain;
    border: 0;
    border-radius: 0;
    background: var(--thrume-active-call-overlay-background, var(--_thrume-surface));
  }
  [data-layout='overlay'] > :is([part~='stage'], [part~='summary']) {
    grid-area: 1 / 1;
  }
  [data-layout='overlay'] > :not([part~='stage'], [part~='summary']) {
    margin-left: max(var(--_thrume-gap), env(safe-area-inset-left)); /* physical: safe areas are */
    margin-right: max(var(--_thrume-gap), env(safe-area-inset-right));
  }
  [data-layout='overlay'] [part~='stage'] {
    min-height: 0;
    max-height: none;
    aspect-ratio: auto;
    border-radius: 0;
  }
  [data-layout='overlay'] [part~='stage'] > video:not(.screen) {
    object-fit: var(--thrume-active-call-video-fit, cover);
  }
  [part~='inset'] {
    touch-action: none;
    cursor: grab;
  }
  [data-layout='overlay'] [part~='inset'] {
    max-width: min(12rem, 35vmin);
    --_thrume-inset-offset: var(--thrume-active-call-inset-offset, var(--_thrume-gap));
    margin: env(safe-area-inset-top) env(safe-area-inset-right) 0 env(safe-area-inset-left);
  }
  [data-layout='overlay'] [part~='summary'] {
    z-index: 1;
    align-self: start;
    padding: max(var(--_thrume-gap), env(safe-area-inset-top)) max(var(--_thrume-gap), env(safe-area-inset-right)) 2rem
      max(var(--_thrume-gap), env(safe-area-inset-left));
    background: var(--thrume-active-call-overlay-summary-background, linear-gradient(rgb(0 0 0 / 0.7), transparent));
    color: var(--_thrume-on-state);
  }
  [data-layout='overlay'] :is([part~='status'], [part~='remote-state']) {
    color: inherit;
  }
  [data-layout='overlay'] [part~='quality'] {
    border-color: currentColor;
  }
`;
