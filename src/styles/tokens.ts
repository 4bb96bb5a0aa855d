// Global design tokens: every element reads `--thrume-*` tokens here, with light and dark defaults
// (`light-dark()`, following `--thrume-color-scheme`, by default the reader's preference), into private
// `--_thrume-*` intermediates on its base part. Pages theme by setting the public tokens.
// Also the one host rule every element shares: `hidden` hides it.
import { css } from 'lit';

export const tokens = css`
  :host([hidden]) {
    display: none;
  }
  [part~='base'] {
    color-scheme: var(--thrume-color-scheme, light dark);
    --_thrume-surface: var(--thrume-color-surface, light-dark(#ffffff, #1c1e24));
    --_thrume-surface-raised: var(--thrume-color-surface-raised, light-dark(#f1f3f7, #2a2d35));
    --_thrume-text: var(--thrume-color-text, light-dark(#1b1d22, #eceef3));
    --_thrume-text-muted: var(--thrume-color-text-muted, light-dark(#555b69, #b3b8c4));
    --_thrume-border: var(--thrume-color-border, light-dark(#c9ced8, #454a56));
    --_thrume-accent: var(--thrume-color-accent, light-dark(#1d4ed8, #93b4ff));
    --_thrume-on-accent: var(--thrume-color-on-accent, light-dark(#ffffff, #10131a));
    --_thrume-accept: var(--thrume-color-accept, #166534);
    --_thrume-danger: var(--thrume-color-danger, #b91c1c);
    --_thrume-on-state: var(--thrume-color-on-state, #ffffff);
    --_thrume-pressed: var(--thrume-color-pressed, light-dark(#1b1d22, #eceef3));
    --_thrume-on-pressed: var(--thrume-color-on-pressed, light-dark(#ffffff, #1b1d22));
    --_thrume-focus: var(--thrume-color-focus, light-dark(#1d4ed8, #93b4ff));
    --_thrume-video: var(--thrume-color-video, #111318);
    --_thrume-radius: var(--thrume-radius, 12px);
    --_thrume-gap: var(--thrume-space, 0.75rem);
    --_thrume-shadow: var(--thrume-shadow, 0 8px 28px rgb(0 0 0 / 0.18));
    --_thrume-font: var(--thrume-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-family: var(--_thrume-font);
    color: var(--_thrume-text);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  select {
    font: inherit;
  }
  button:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_thrume-focus);
    outline-offset: 2px;
  }
  svg {
    flex: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
