import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sceneNames } from '../src/testing/scripted-controller.js';
import { scripted, type SceneArgs } from './support.js';

interface Args extends SceneArgs {
  'callee-id': string;
  'callee-name': string;
  'conversation-id': string;
  actions: string;
  'show-labels': boolean;
  signaling: 'connected' | 'reconnecting' | 'disconnected';
}

const meta: Meta<Args> = {
  title: 'Elements/Call button',
  component: 'thrume-call-button',
  args: {
    'callee-id': 'bob',
    'callee-name': 'Bob Marsh',
    'conversation-id': 'conv-1',
    actions: 'voice video screen-share',
    'show-labels': false,
    scene: 'idle',
    signaling: 'connected',
  },
  argTypes: {
    scene: { control: 'select', options: sceneNames, description: 'The call state the scripted controller holds.' },
    signaling: { control: 'inline-radio', options: ['connected', 'reconnecting', 'disconnected'] },
  },
  render: (args) => {
    const controller = scripted(args);
    controller.set({ signaling: args.signaling });
    return html`<thrume-call-button
      callee-id=${args['callee-id']}
      callee-name=${args['callee-name']}
      conversation-id=${args['conversation-id']}
      actions=${args.actions}
      ?show-labels=${args['show-labels']}
      .controller=${controller}
    ></thrume-call-button>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Idle: Story = {};
export const WithLabels: Story = { args: { 'show-labels': true } };
export const VoiceOnly: Story = { args: { actions: 'voice' } };
export const DisabledWhileCalling: Story = { args: { scene: 'calling' } };
export const DisabledWhileRinging: Story = { args: { scene: 'incoming-video' } };
export const DisabledInACall: Story = { args: { scene: 'active-video', 'show-labels': true } };
export const DisabledWhileOffline: Story = { args: { signaling: 'disconnected' } };
export const AfterACall: Story = { args: { scene: 'ended', reason: 'remote-hangup' } };
export const Dark: Story = {
  args: { 'show-labels': true },
  render: (
    args,
  ) => html`<div style="padding: 1rem; background: #1c1e24; --thrume-color-surface: #1c1e24; --thrume-color-surface-raised: #2a2d35; --thrume-color-text: #eceef3; --thrume-color-border: #454a56;">
    ${meta.render!(args, {} as never)}
  </div>`,
};
