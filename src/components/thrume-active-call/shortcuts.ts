// The active call's keyboard shortcuts, listened for on the document while a call is shown. Keys are
// written as `aria-keyshortcuts` writes them ("Control+Shift+M") and matched by the physical key, so
// they work in any keyboard layout (Cyrillic, Arabic). None is taken while focus is in a text field or
// in another dialog. Hold-to-talk: Space held while muted unmutes until it is let go.
// Loaded when a call is first shown (the keys themselves are in shortcut-keys.ts, for the tooltips).
import type { ReactiveController, ReactiveElement } from 'lit';
import { deepActiveElement } from '../../focus.js';
import { shortcutActions, type CallShortcuts, type ShortcutAction } from './shortcut-keys.js';

const modifiers = ['Control', 'Shift', 'Alt', 'Meta'] as const;
const pressed = (event: KeyboardEvent) => ({
  Control: event.ctrlKey,
  Shift: event.shiftKey,
  Alt: event.altKey,
  Meta: event.metaKey,
});

/** Whether a keydown is the combination: exactly its modifiers, and its key by physical position. */
export function matches(event: KeyboardEvent, combination: string): boolean {
  const keys = combination.split('+');
  const key = keys.pop();
  if (!key) return false;
  const down = pressed(event);
  if (modifiers.some((m) => down[m] !== keys.includes(m))) return false;
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : /^\d$/.test(key) ? `Digit${key}` : null;
  return code ? event.code === code : event.key.toLowerCase() === key.toLowerCase();
}

/** Where a key belongs to what has focus: typing in a field, or another dialog or menu open. */
function focusWantsKeys(host: HTMLElement): boolean {
  const active = deepActiveElement(host.ownerDocument);
  if (!active || host.contains(active) || host.shadowRoot?.contains(active)) return false;
  if (active.isContentEditable || active.matches('input, textarea, select')) return true;
  for (
    let node: Element | null = active;
    node;
    node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null
  ) {
    if (node.matches('dialog, [role="dialog"], [role="alertdialog"], [role="menu"]')) return true;
  }
  return false;
}

/** Controls that Space presses, where it must not mean hold-to-talk. */
const spaceActivates =
  'button, input, select, textarea, a[href], summary, [role="button"], [role="checkbox"], [role="switch"], [contenteditable]';

/** What the shortcuts ask of their element. */
export interface ShortcutBindings {
  /** Whether the shortcuts are listened for now. */
  active: () => boolean;
  keys: () => CallShortcuts;
  muted: () => boolean;
  run: (action: ShortcutAction) => void;
}

export class Shortcuts implements ReactiveController {
  private talking = false;
  private document = document;

  constructor(
    private readonly host: ReactiveElement,
    private readonly bindings: ShortcutBindings,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // The host's own document: in a picture-in-picture window, the keys pressed there.
    this.document = this.host.ownerDocument;
    this.document.addEventListener('keydown', this.onKeyDown);
    this.document.addEventListener('keyup', this.onKeyUp);
    this.document.defaultView?.addEventListener('blur', this.stopTalking);
  }

  hostDisconnected(): void {
    this.document.removeEventListener('keydown', this.onKeyDown);
    this.document.removeEventListener('keyup', this.onKeyUp);
    this.document.defaultView?.removeEventListener('blur', this.stopTalking);
    this.talking = false;
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const { active, keys, muted, run } = this.bindings;
    if (event.defaultPrevented || !active() || focusWantsKeys(this.host)) return;
    if (event.code === 'Space' && !event.repeat && muted() && !this.talking && !spaceIsTaken(event)) {
      event.preventDefault();
      this.talking = true;
      run('microphone');
      return;
    }
    const combinations = keys();
    const action = shortcutActions.find((a) => combinations[a] && matches(event, combinations[a]));
    if (!action || event.repeat) return;
    event.preventDefault();
    run(action);
  };

  private readonly onKeyUp = (event: KeyboardEvent) => {
    if (event.code === 'Space' && this.talking) this.stopTalking();
  };

  private readonly stopTalking = () => {
    if (!this.talking) return;
    this.talking = false;
    if (this.bindings.active() && !this.bindings.muted()) this.bindings.run('microphone');
  };
}

function spaceIsTaken(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  return target instanceof Element && !!target.closest(spaceActivates);
}
