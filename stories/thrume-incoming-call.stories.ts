import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sceneNames } from '../src/testing/scripted-controller.js';
import { samplePicture, scripted, type SceneArgs } from './support.js';

interface Args extends SceneArgs {
  silent: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/Incoming call',
  component: 'thrume-incoming-call',
  args: { scene: 'incoming-video', silent: true, avatar: '' },
  argTypes: {
    scene: { control: 'select', options: sceneNames, description: 'The call state the scripted controller holds.' },
    avatar: {
      control: 'text',
      description: "URL of the caller's picture (the call's `peerAvatarUrl`); initials without one.",
    },
  },
  parameters: { docs: { story: { inline: true } } },
  // Static in stories, so several can sit on one docs page; pages use the default fixed position.
  render: (args) => html`<thrume-incoming-call
    style="--thrume-incoming-call-position: static"
    ?silent=${args.silent}
    .controller=${scripted(args)}
  ></thrume-incoming-call>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Nothing rings: only the (empty, hidden) live region is there. */
export const Idle: Story = { args: { scene: 'idle' } };
export const IncomingVideoCall: Story = {};
export const IncomingVoiceCall: Story = { args: { scene: 'incoming-voice' } };
export const WithPicture: Story = { args: { avatar: samplePicture } };
export const WithRingtone: Story = { args: { silent: false } };
