import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }
  [part~='base'] {
    display: inline-flex;
    gap: var(--thrume-call-button-gap, calc(var(--_thrume-gap) / 2));
    align-items: center;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-width: var(--thrume-call-button-size, 2.75rem);
    min-height: var(--thrume-call-button-size, 2.75rem);
    padding: 0 0.7rem;
    border: 1px solid var(--thrume-call-button-border-color, var(--_thrume-border));
    border-radius: var(--thrume-call-button-radius, 999px);
    background: var(--thrume-call-button-background, var(--_thrume-surface));
    color: var(--thrume-call-button-color, var(--_thrume-text));
    font-size: var(--thrume-call-button-font-size, 1rem);
    cursor: pointer;
  }
  button:hover:not([aria-disabled='true']) {
    background: var(--thrume-call-button-hover-background, var(--_thrume-surface-raised));
  }
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  svg {
    width: 1.2em;
    height: 1.2em;
  }
`;
