// The caller's picture, or their initials (or a person icon) when there is none.
import { css, html, type TemplateResult } from 'lit';
import type { CallInfo } from './services/call-state.js';
import { initials } from './focus.js';
import { icon } from './icons.js';

/** A decorative avatar (the name is always given as text next to it): the call's `peerAvatarUrl`, else initials. */
export function avatar(call: CallInfo): TemplateResult {
  if (call.peerAvatarUrl) return html`<img part="avatar" src=${call.peerAvatarUrl} alt="" />`;
  const letters = initials(call.peerName);
  return html`<span part="avatar" aria-hidden="true">${letters || icon('User')}</span>`;
}

/** The avatar's shape; each element sets `--_thrume-avatar-size` (and its font size) on the part. */
export const avatarStyles = css`
  [part~='avatar'] {
    display: grid;
    place-items: center;
    width: var(--_thrume-avatar-size);
    height: var(--_thrume-avatar-size);
    border-radius: 50%;
    object-fit: cover;
    background: var(--_thrume-surface-raised);
    font-weight: 600;
  }
`;
