import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { scripted } from './support.js';
import ar from '../src/locales/ar.js';
import de from '../src/locales/de.js';

// The elements in another language; the toolbar's Language and Direction switch any story.
const meta: Meta = {
  title: 'Languages',
  render: () => html`<div style="display: grid; gap: 1rem; max-width: 40rem">
    <thrume-call-button callee-id="bob" callee-name="Bob Marsh" show-labels .controller=${scripted({ scene: 'idle' })}></thrume-call-button>
    <thrume-active-call silent .controller=${scripted({ scene: 'active-video' })}></thrume-active-call>
  </div>`,
};
export default meta;
type Story = StoryObj;

const label = (root: HTMLElement, tag: string, part: string) =>
  root.querySelector(tag)?.shadowRoot?.querySelector(`[part~="${part}"]`)?.getAttribute('title');

/** Arabic, right to left: the controls and the self view's corner mirror; the videos do not. */
export const ArabicRightToLeft: Story = {
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(label(canvasElement, 'thrume-active-call', 'hang-up')).toMatch(new RegExp(`^${ar.hangUp} \\(`)),
    );
    await expect(canvasElement.querySelector('thrume-active-call')!.closest('[dir]')!.getAttribute('dir')).toBe('rtl');
  },
};

export const German: Story = {
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(label(canvasElement, 'thrume-call-button', 'video')).toBe(de.videoCall('Bob Marsh')));
  },
};
