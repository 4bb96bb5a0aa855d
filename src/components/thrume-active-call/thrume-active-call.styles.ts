import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    display: grid;
    gap: var(--_thrume-gap);
    padding: var(--_thrume-gap);
    border: 1px solid var(--thrume-active-call-border-color, var(--_thrume-border));
    border-radius: var(--thrume-active-call-radius, var(--_thrume-radius));
    background: var(--thrume-active-call-background, var(--_thrume-surface));
    color: var(--thrume-active-call-color, var(--_thrume-text));
  }
  [part~='stage'] {
    position: relative;
    display: grid;
    place-items: center;
    min-height: var(--thrume-active-call-stage-min-height, 12rem);
    aspect-ratio: var(--thrume-active-call-aspect-ratio, 16 / 9);
    overflow: hidden;
    border-radius: calc(var(--_thrume-radius) * 0.75);
    background: var(--thrume-active-call-video-background, var(--_thrume-video));
  }
  [part~='remote-video'] {
    width: 100%;
    height: 100%;
    object-fit: var(--thrume-active-call-video-fit, contain);
  }
  [part~='local-video'] {
    position: absolute;
    inset-block-end: calc(var(--_thrume-gap) / 2);
    inset-inline-end: calc(var(--_thrume-gap) / 2);
    width: var(--thrume-active-call-local-width, 28%);
    border: 2px solid var(--_thrume-surface);
    border-radius: calc(var(--_thrume-radius) / 2);
    transform: scaleX(-1);
  }
  [part~='local-video'].screen {
    transform: none;
  }
  [part~='avatar'] {
    --_thrume-avatar-size: var(--thrume-active-call-avatar-size, 6rem);
    color: var(--_thrume-text);
    font-size: 2rem;
  }
  [part~='summary'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem var(--_thrume-gap);
  }
  [part~='name'] {
    margin: 0;
    font-size: 1.1rem;
    font-weight: 600;
  }
  [part~='status'],
  [part~='remote-state'] {
    color: var(--_thrume-text-muted);
  }
  [part~='duration'] {
    font-variant-numeric: tabular-nums;
  }
  [part~='quality'] {
    padding: 0.1rem 0.5rem;
    border: 1px solid var(--_thrume-border);
    border-radius: 999px;
    font-size: 0.85rem;
  }
  [part~='error'] {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_thrume-danger);
    background: var(--_thrume-surface-raised);
  }
  [part~='controls'],
  [part~='devices'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: calc(var(--_thrume-gap) / 2);
  }
  [part~='control'] {
    display: inline-grid;
    place-items: center;
    width: var(--thrume-active-call-control-size, 3rem);
    height: var(--thrume-active-call-control-size, 3rem);
    border: 1px solid var(--_thrume-border);
    border-radius: 50%;
    background: var(--thrume-active-call-control-background, var(--_thrume-surface-raised));
    color: var(--_thrume-text);
    font-size: 1.2rem;
    cursor: pointer;
  }
  [part~='control'][aria-pressed='true'] {
    background: var(--thrume-active-call-control-pressed-background, var(--_thrume-pressed));
    color: var(--_thrume-on-pressed);
  }
  [part~='hang-up'] {
    border-color: transparent;
    background: var(--thrume-active-call-hang-up-background, var(--_thrume-danger));
    color: var(--_thrume-on-state);
  }
  [part~='close'] {
    justify-self: center;
    min-height: 2.5rem;
    padding: 0 1.2rem;
    border: 1px solid var(--_thrume-border);
    border-radius: 999px;
    background: var(--_thrume-surface-raised);
    color: var(--_thrume-text);
    cursor: pointer;
  }
  label {
    display: grid;
    gap: 0.2rem;
    font-size: 0.85rem;
    color: var(--_thrume-text-muted);
  }
  select {
    max-width: 14rem;
    min-height: 2rem;
    border: 1px solid var(--_thrume-border);
    border-radius: 6px;
    background: var(--_thrume-surface);
    color: var(--_thrume-text);
  }
`;
