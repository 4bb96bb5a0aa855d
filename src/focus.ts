// Focus helpers for the elements: where focus is, through shadow roots, and putting it back.

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): HTMLElement | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Whether focus is on `host`, inside its shadow root, or nowhere in particular (the body). */
export function focusIsWithin(host: HTMLElement): boolean {
  const active = document.activeElement;
  return (
    active === null ||
    active === document.body ||
    active === host ||
    host.contains(active) ||
    !!host.shadowRoot?.activeElement
  );
}

/** Moves focus back to `target` if it is still on the page. */
export function restoreFocus(target: HTMLElement | null): void {
  if (target?.isConnected) target.focus();
}

/** One or two initials from a display name, for an avatar without a picture. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => [...w][0].toUpperCase())
    .join('');
}
