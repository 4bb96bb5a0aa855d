import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sceneNames } from '../src/testing/scripted-controller.js';
import { endReasons } from '../src/services/call-state.js';
import { callErrorCodes } from '../src/services/errors.js';
import { samplePicture, scripted, type SceneArgs } from './support.js';

interface Args extends SceneArgs {
  silent: boolean;
  'hide-devices': boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/Active call',
  component: 'thrume-active-call',
  args: { scene: 'active-video', reason: 'hangup', error: '', avatar: '', silent: true, 'hide-devices': false },
  argTypes: {
    scene: { control: 'select', options: sceneNames, description: 'The call state the scripted controller holds.' },
    reason: { control: 'select', options: endReasons, description: 'How the call ended (scene `ended`).' },
    error: { control: 'select', options: ['', ...callErrorCodes], description: 'The error in the state.' },
    avatar: {
      control: 'text',
      description: "URL of the other person's picture (the call's `peerAvatarUrl`), shown in voice calls.",
    },
  },
  render: (args) => html`<div style="max-width: 40rem">
    <thrume-active-call ?silent=${args.silent} ?hide-devices=${args['hide-devices']} .controller=${scripted(args)}></thrume-active-call>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** No call: the element shows nothing. */
export const Idle: Story = { args: { scene: 'idle' } };
export const Calling: Story = { args: { scene: 'calling' } };
export const ActiveVoice: Story = { args: { scene: 'active-voice' } };
export const ActiveVoiceWithPicture: Story = { args: { scene: 'active-voice', avatar: samplePicture } };
export const ActiveVideo: Story = {};
/** The other side speaks: a ring around their video (`--thrume-active-call-speaking-color`). */
export const RemoteSpeaking: Story = { args: { speaking: { remote: true } } };
/** This side speaks: a ring around its own video and its mute button. */
export const LocalSpeaking: Story = { args: { speaking: { local: true } } };
/** The other side speaks in a voice call: the ring is around their avatar. */
export const VoiceRemoteSpeaking: Story = { args: { scene: 'active-voice', speaking: { remote: true } } };
/** This side speaks while muted: "You are muted: nobody hears you". */
export const SpeakingWhileMuted: Story = { args: { speaking: { local: true }, muted: true } };
export const ScreenSharing: Story = { args: { scene: 'screen-sharing' } };
export const Reconnecting: Story = { args: { scene: 'reconnecting' } };

export const EndedHangUp: Story = { args: { scene: 'ended', reason: 'hangup' } };
export const EndedRemoteHangUp: Story = { args: { scene: 'ended', reason: 'remote-hangup' } };
export const EndedDeclined: Story = { args: { scene: 'ended', reason: 'declined' } };
export const EndedBusy: Story = { args: { scene: 'ended', reason: 'busy' } };
export const EndedNoAnswer: Story = { args: { scene: 'ended', reason: 'missed' } };
export const EndedCancelled: Story = { args: { scene: 'ended', reason: 'cancelled' } };
export const EndedAnsweredElsewhere: Story = { args: { scene: 'ended', reason: 'answered-elsewhere' } };
export const EndedDeclinedElsewhere: Story = { args: { scene: 'ended', reason: 'declined-elsewhere' } };
export const EndedUnavailable: Story = { args: { scene: 'ended', reason: 'unavailable' } };
export const EndedDisconnected: Story = { args: { scene: 'ended', reason: 'disconnected' } };
export const EndedFailed: Story = { args: { scene: 'ended', reason: 'failed' } };

export const ErrorPermissionDenied: Story = { args: { scene: 'ended', reason: 'failed', error: 'PERMISSION_DENIED' } };
export const ErrorDeviceNotFound: Story = { args: { scene: 'ended', reason: 'failed', error: 'DEVICE_NOT_FOUND' } };
export const ErrorDeviceInUse: Story = { args: { scene: 'ended', reason: 'failed', error: 'DEVICE_IN_USE' } };
export const ErrorUserBusy: Story = { args: { scene: 'ended', reason: 'busy', error: 'USER_BUSY' } };
export const ErrorUserUnavailable: Story = {
  args: { scene: 'ended', reason: 'unavailable', error: 'USER_UNAVAILABLE' },
};
export const ErrorUserOffline: Story = { args: { scene: 'ended', reason: 'unavailable', error: 'USER_OFFLINE' } };
export const ErrorNetwork: Story = { args: { scene: 'ended', reason: 'failed', error: 'NETWORK_ERROR' } };
export const ErrorWebRTC: Story = { args: { scene: 'ended', reason: 'failed', error: 'WEBRTC_ERROR' } };
export const ErrorSignaling: Story = { args: { scene: 'ended', reason: 'failed', error: 'SIGNALING_ERROR' } };
export const ErrorCallNotFound: Story = { args: { scene: 'ended', reason: 'failed', error: 'CALL_NOT_FOUND' } };
export const ErrorInvalidState: Story = { args: { scene: 'active-video', error: 'INVALID_STATE' } };
/** A camera error during a video call: the call goes on with audio only. */
export const ErrorCameraDuringCall: Story = { args: { scene: 'active-voice', error: 'DEVICE_IN_USE' } };
