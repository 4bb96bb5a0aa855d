import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/elements.js';

// Controls and docs come from the manifest the elements' JSDoc generates.
setCustomElementsManifest(manifest);

// The toolbar's language and direction set `lang` and `dir` on a wrapper: the elements follow the
// nearest `lang`, as on any page.
const languages = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  uk: 'Українська',
  pl: 'Polski',
  ar: 'العربية',
};
const rightToLeft = new Set(['ar']);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
  globalTypes: {
    locale: {
      description: 'The language of the elements (the nearest lang attribute)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        dynamicTitle: true,
        items: Object.entries(languages).map(([value, title]) => ({ value, title })),
      },
    },
    direction: {
      description: 'The writing direction (the dir attribute)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        dynamicTitle: true,
        items: [
          { value: 'auto', title: "The language's" },
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'en', direction: 'auto' },
  decorators: [
    (story, { globals }) => {
      const lang = String(globals.locale ?? 'en');
      const dir =
        globals.direction && globals.direction !== 'auto' ? globals.direction : rightToLeft.has(lang) ? 'rtl' : 'ltr';
      return html`<div lang=${lang} dir=${dir}>${story()}</div>`;
    },
  ],
};
export default preview;
