import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { LoopbackHub } from '../src/services/signaling/loopback.js';
import { SyntheticMedia } from '../src/testing/synthetic-media.js';

interface Args {
  media: 'synthetic' | 'devices';
  mode: 'extended' | 'baseline';
  silent: boolean;
}

const people = [
  { id: 'a11ce000-0000-4000-8000-000000000001', userName: 'alice', name: 'Alice Moreau', hue: 150 },
  { id: 'b0b00000-0000-4000-8000-000000000002', userName: 'bob', name: 'Bob Okafor', hue: 260 },
];

const meta: Meta<Args> = {
  title: 'Live/Two parties',
  component: 'thrume-call-provider',
  args: { media: 'synthetic', mode: 'extended', silent: true },
  argTypes: {
    media: {
      control: 'inline-radio',
      options: ['synthetic', 'devices'],
      description: 'Canvas and oscillator, or the real camera and microphone.',
    },
    mode: {
      control: 'inline-radio',
      options: ['extended', 'baseline'],
      description: 'The loopback hub: every extension, or like Thrume’s baseline hub.',
    },
  },
  parameters: { layout: 'fullscreen', docs: { story: { inline: false, iframeHeight: 720 } } },
  render: (args) => {
    const hub = new LoopbackHub({ mode: args.mode });
    const party = (me: (typeof people)[number], other: (typeof people)[number]) => html`
      <section style="flex: 1 1 22rem; display: grid; gap: 0.75rem; align-content: start; padding: 1rem; font-family: system-ui, sans-serif;">
        <h2 style="margin: 0; font-size: 1.1rem;">${me.name}</h2>
        <thrume-call-provider
          data-party=${me.userName}
          .signaling=${hub.connect({ id: me.id, name: me.userName, displayName: me.name })}
          .media=${args.media === 'synthetic' ? new SyntheticMedia(me.name.split(' ')[0], me.hue) : undefined}
          .iceServers=${[]}
        >
          <p style="display: flex; align-items: center; gap: 0.5rem; margin: 0;">
            Conversation with ${other.name}
            <thrume-call-button callee-id=${other.id} callee-name=${other.name} conversation-id="c0000000-0000-4000-8000-0000000000ab"></thrume-call-button>
          </p>
          <thrume-incoming-call style="--thrume-incoming-call-position: static" ?silent=${args.silent}></thrume-incoming-call>
          <thrume-active-call ?silent=${args.silent}></thrume-active-call>
        </thrume-call-provider>
      </section>
    `;
    return html`<div style="display: flex; flex-wrap: wrap;">${party(people[0], people[1])} ${party(people[1], people[0])}</div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Two providers on one page, each with its own controller, calling each other over an in-memory hub. */
export const TwoParties: Story = {};

const part = (root: Element, tag: string, name: string) =>
  root.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

/** The same, with a video call placed and answered by clicking the elements' own buttons. */
export const VideoCallInProgress: Story = {
  play: async ({ canvasElement }) => {
    const alice = canvasElement.querySelector('[data-party="alice"]')!;
    const bob = canvasElement.querySelector('[data-party="bob"]')!;
    await waitFor(() =>
      expect(part(alice, 'thrume-call-button', 'video')?.getAttribute('aria-disabled')).toBe('false'),
    );
    part(alice, 'thrume-call-button', 'video')!.click();
    await waitFor(() => expect(part(bob, 'thrume-incoming-call', 'accept')).not.toBeNull(), { timeout: 10_000 });
    part(bob, 'thrume-incoming-call', 'accept')!.click();
    await waitFor(
      () => {
        // storybook/test's expect throws synchronously here; `void` only marks its (typed) promise as unawaited.
        void expect(part(alice, 'thrume-active-call', 'base')?.dataset.status).toBe('active');
        void expect(part(bob, 'thrume-active-call', 'remote-video')).not.toBeNull();
      },
      { timeout: 15_000 },
    );
  },
};
