import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    position: var(--thrume-incoming-call-position, fixed);
    inset-block-start: var(--thrume-incoming-call-top, 1rem);
    inset-inline-end: var(--thrume-incoming-call-end, 1rem);
    z-index: var(--thrume-incoming-call-z-index, 1000);
    display: grid;
    gap: var(--_thrume-gap);
    width: var(--thrume-incoming-call-width, min(22rem, calc(100vw - 2rem)));
    padding: calc(var(--_thrume-gap) * 1.5);
    border: 1px solid var(--thrume-incoming-call-border-color, var(--_thrume-border));
    border-radius: var(--thrume-incoming-call-radius, var(--_thrume-radius));
    background: var(--thrume-incoming-call-background, var(--_thrume-surface));
    color: var(--thrume-incoming-call-color, var(--_thrume-text));
    box-shadow: var(--thrume-incoming-call-shadow, var(--_thrume-shadow));
  }
  [part~='caller'] {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: var(--_thrume-gap);
    align-items: center;
  }
  [part~='avatar'] {
    --_thrume-avatar-size: var(--thrume-incoming-call-avatar-size, 3.5rem);
    grid-row: span 3;
    font-size: 1.25rem;
  }
  h2,
  p {
    margin: 0;
  }
  [part~='title'] {
    font-size: 0.85rem;
    font-weight: 500;
    color: var(--_thrume-text-muted);
  }
  [part~='name'] {
    font-size: 1.2rem;
    font-weight: 600;
  }
  [part~='type'] {
    display: flex;
    align-items: center;
    gap: 0.35em;
    color: var(--_thrume-text-muted);
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_thrume-gap) / 2);
  }
  button {
    display: inline-flex;
    flex: 1 1 auto;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-width: 2.75rem;
    min-height: var(--thrume-incoming-call-button-height, 2.75rem);
    padding: 0 0.9rem;
    border: 0;
    border-radius: 999px;
    font-weight: 600;
    color: var(--_thrume-on-state);
    cursor: pointer;
  }
  [part~='accept'] {
    background: var(--thrume-incoming-call-accept-background, var(--_thrume-accept));
  }
  [part~='accept-audio'] {
    background: var(--_thrume-surface-raised);
    color: var(--_thrume-text);
    border: 1px solid var(--_thrume-border);
  }
  [part~='decline'] {
    background: var(--thrume-incoming-call-decline-background, var(--_thrume-danger));
  }
  @media (prefers-reduced-motion: no-preference) {
    [part~='avatar'] {
      animation: ring 1.6s ease-in-out infinite;
    }
  }
  @keyframes ring {
    50% {
      box-shadow: 0 0 0 0.4rem color-mix(in srgb, var(--_thrume-accept) 35%, transparent);
    }
  }
`;
