// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- keeps the lucide module declarations in programs that reach icons.ts only by import (examples/vue)
/// <reference path="./lucide-icons.d.ts" />
// Icons from Lucide (ISC, maintained), rendered from its icon node arrays. Each icon is imported from
// its own module: the barrel re-exports ~2,000 modules, which an unbundled dev server (tests) loads one
// by one. Bundlers ship only these either way. Types: src/lucide-icons.d.ts.
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import type { TemplateResult } from 'lit';
import { html } from 'lit';
import Maximize from 'lucide/dist/esm/icons/maximize.mjs';
import Mic from 'lucide/dist/esm/icons/mic.mjs';
import MicOff from 'lucide/dist/esm/icons/mic-off.mjs';
import Minimize from 'lucide/dist/esm/icons/minimize.mjs';
import Monitor from 'lucide/dist/esm/icons/monitor.mjs';
import Phone from 'lucide/dist/esm/icons/phone.mjs';
import PhoneIncoming from 'lucide/dist/esm/icons/phone-incoming.mjs';
import PhoneOff from 'lucide/dist/esm/icons/phone-off.mjs';
import PictureInPicture from 'lucide/dist/esm/icons/picture-in-picture-2.mjs';
import ScreenShare from 'lucide/dist/esm/icons/screen-share.mjs';
import ScreenShareOff from 'lucide/dist/esm/icons/screen-share-off.mjs';
import User from 'lucide/dist/esm/icons/user.mjs';
import Video from 'lucide/dist/esm/icons/video.mjs';
import VideoOff from 'lucide/dist/esm/icons/video-off.mjs';

export const icons = {
  Maximize,
  Mic,
  MicOff,
  Minimize,
  Monitor,
  Phone,
  PhoneIncoming,
  PhoneOff,
  PictureInPicture,
  ScreenShare,
  ScreenShareOff,
  User,
  Video,
  VideoOff,
};
export type IconName = keyof typeof icons;

const escape = (value: string | number | undefined) =>
  String(value ?? '').replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
const cache = new Map<IconName, string>();

function markup(name: IconName): string {
  let text = cache.get(name);
  if (text === undefined) {
    const children = icons[name]
      .map(
        ([tag, attrs]) =>
          `<${tag} ${Object.entries(attrs)
            .map(([k, v]) => `${k}="${escape(v)}"`)
            .join(' ')}/>`,
      )
      .join('');
    text =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="1em" height="1em" fill="none" ' +
      'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">' +
      `${children}</svg>`;
    cache.set(name, text);
  }
  return text;
}

/** A decorative icon: hidden from assistive technology, sized by the font, coloured by `color`. */
export function icon(name: IconName): TemplateResult {
  return html`${unsafeSVG(markup(name))}`;
}
