// The incoming call on a phone, loaded only where the phone layout is used (see PhoneLayout): a sheet
// along the bottom edge, inside the safe areas, with large buttons.
import { css } from 'lit';

export const styles = css`
  [data-layout='sheet'] {
    inset: auto 0 0;
    width: auto;
    max-height: 100%;
    overflow: auto;
    padding: calc(var(--_thrume-gap) * 1.5);
    padding-left: max(calc(var(--_thrume-gap) * 1.5), env(safe-area-inset-left)); /* physical: safe areas are */
    padding-right: max(calc(var(--_thrume-gap) * 1.5), env(safe-area-inset-right));
    padding-block-end: max(calc(var(--_thrume-gap) * 1.5), env(safe-area-inset-bottom));
    border-width: 1px 0 0;
    border-radius: var(--thrume-incoming-call-radius, var(--_thrume-radius)) var(--thrume-incoming-call-radius, var(--_thrume-radius)) 0 0;
  }
  [data-layout='sheet'] button {
    flex-basis: 12rem;
    min-height: var(--thrume-incoming-call-sheet-button-height, 3.5rem);
    font-size: 1.1rem;
  }
`;
