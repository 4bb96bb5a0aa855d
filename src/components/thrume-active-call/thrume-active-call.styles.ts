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
    --_thrume-speaking: var(--thrume-active-call-speaking-color, var(--_thrume-accept));
  }
  [part~='stage'] {
    position: relative;
    display: grid;
    place-items: center;
    min-height: var(--thrume-active-call-stage-min-height, 12rem);
    max-height: var(--thrume-active-call-stage-max-height, 60vh);
    aspect-ratio: var(--thrume-active-call-aspect-ratio, 16 / 9);
    overflow: hidden;
    border-radius: calc(var(--_thrume-radius) * 0.75);
    background: var(--thrume-active-call-video-background, var(--_thrume-video));
  }
  [part~='stage'] > video {
    width: 100%;
    height: 100%;
    object-fit: var(--thrume-active-call-video-fit, contain);
  }
  [part~='inset'] {
    --_thrume-inset-offset: var(--thrume-active-call-inset-offset, calc(var(--_thrume-gap) / 2));
    position: absolute;
    z-index: 2;
    width: var(--thrume-active-call-local-width, 28%);
    min-width: 4.5rem;
    max-width: 12rem;
    overflow: hidden;
    border: 2px solid var(--_thrume-surface);
    border-radius: calc(var(--_thrume-radius) / 2);
    background: var(--_thrume-video);
  }
  [part~='inset'] > video {
    display: block;
    width: 100%;
    aspect-ratio: 4 / 3;
    object-fit: cover;
  }
  [data-corner^='top'] {
    inset-block-start: var(--_thrume-inset-offset);
  }
  [data-corner^='bottom'] {
    inset-block-end: var(--_thrume-inset-offset);
  }
  [data-corner$='start'] {
    inset-inline-start: var(--_thrume-inset-offset);
  }
  [data-corner$='end'] {
    inset-inline-end: var(--_thrume-inset-offset);
  }
  [part~='local-video'] {
    transform: scaleX(-1);
  }
  [part~='local-video'].screen {
    transform: none;
  }
  [part~='swap'] {
    position: absolute;
    inset: 0;
    border: 0;
    background: transparent;
    cursor: pointer;
  }
  [part~='swap']:focus-visible {
    outline-offset: -3px;
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
  [part~='controls'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--thrume-active-call-control-gap, calc(var(--_thrume-gap) / 2));
  }
  [part~='devices'] {
    display: grid;
    /* A flexible track: a fixed maximum would make auto-fit count columns by it, one per row on a phone. */
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 6.5rem), 1fr));
    max-width: 44rem;
    margin-inline: auto;
    gap: calc(var(--_thrume-gap) / 2);
  }
  [part~='control'] {
    display: inline-grid;
    flex: none;
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
  [data-speaking~='remote'] :is([part~='remote-video'], [part~='avatar']),
  [data-speaking~='local'] [part~='local-video'] {
    outline: 3px solid var(--_thrume-speaking);
    outline-offset: -3px;
  }
  [data-speaking~='remote'] [part~='avatar'] {
    outline-offset: 3px;
  }
  [data-speaking~='local'] [part~='microphone'] {
    box-shadow: 0 0 0 3px var(--_thrume-speaking); /* the outline is the focus ring's */
  }
  :is([part~='notice'], [part~='muted-hint']) {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin: 0;
    padding: 0.25rem 0.25rem 0.25rem 0.75rem;
    border-inline-start: 4px solid var(--_thrume-accent);
    background: var(--_thrume-surface-raised);
  }
  [part~='muted-hint'] {
    padding-block: 0.5rem;
    font-weight: 600;
  }
  [part~='close'] {
    justify-self: center;
  }
  :is([part~='close'], [part~='dismiss']) {
    min-width: 2.75rem;
    min-height: 2.75rem;
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
    min-width: 0;
    min-height: 2.75rem;
    border: 1px solid var(--_thrume-border);
    border-radius: 6px;
    background: var(--_thrume-surface);
    color: var(--_thrume-text);
  }
`;
