// The elements' events: one class each, fired only on user action. Intent events are cancelable:
// the element calls the controller unless a listener called preventDefault().
import type { CallType } from './services/call-state.js';

const intent: EventInit = { bubbles: true, composed: true, cancelable: true };

/** A call button was pressed: the element is about to place a call. */
export class ThrumeCallEvent extends Event {
  static readonly type = 'thrume-call';
  constructor(
    readonly calleeId: string,
    readonly callType: CallType,
    readonly calleeName: string,
    readonly conversationId: string,
    /** The screen-share action: a video call that shares the screen once it rings. */
    readonly screenShare = false,
  ) {
    super(ThrumeCallEvent.type, intent);
  }
}

/** Accept was pressed on the incoming call. */
export class ThrumeAnswerEvent extends Event {
  static readonly type = 'thrume-answer';
  constructor(readonly audioOnly: boolean) {
    super(ThrumeAnswerEvent.type, intent);
  }
}

/** Decline was pressed (or Escape) on the incoming call. */
export class ThrumeDeclineEvent extends Event {
  static readonly type = 'thrume-decline';
  constructor() {
    super(ThrumeDeclineEvent.type, intent);
  }
}

/** Hang up (or cancel, while ringing) was pressed. */
export class ThrumeHangUpEvent extends Event {
  static readonly type = 'thrume-hang-up';
  constructor() {
    super(ThrumeHangUpEvent.type, intent);
  }
}

/** The microphone button was pressed; `muted` is what it asks for. */
export class ThrumeToggleMicrophoneEvent extends Event {
  static readonly type = 'thrume-toggle-microphone';
  constructor(readonly muted: boolean) {
    super(ThrumeToggleMicrophoneEvent.type, intent);
  }
}

/** The camera button was pressed; `cameraOn` is what it asks for. */
export class ThrumeToggleCameraEvent extends Event {
  static readonly type = 'thrume-toggle-camera';
  constructor(readonly cameraOn: boolean) {
    super(ThrumeToggleCameraEvent.type, intent);
  }
}

/** The screen-share button was pressed; `screenSharing` is what it asks for. */
export class ThrumeToggleScreenShareEvent extends Event {
  static readonly type = 'thrume-toggle-screen-share';
  constructor(readonly screenSharing: boolean) {
    super(ThrumeToggleScreenShareEvent.type, intent);
  }
}

export const deviceKinds = ['microphone', 'camera', 'speaker'] as const;
export type DeviceKind = (typeof deviceKinds)[number];

/** A device was picked in one of the active call's device pickers. */
export class ThrumeSelectDeviceEvent extends Event {
  static readonly type = 'thrume-select-device';
  constructor(
    readonly kind: DeviceKind,
    readonly deviceId: string,
  ) {
    super(ThrumeSelectDeviceEvent.type, intent);
  }
}

/** The summary of an ended call was closed; preventing it keeps the summary on screen. */
export class ThrumeDismissEvent extends Event {
  static readonly type = 'thrume-dismiss';
  constructor() {
    super(ThrumeDismissEvent.type, intent);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'thrume-call': ThrumeCallEvent;
    'thrume-answer': ThrumeAnswerEvent;
    'thrume-decline': ThrumeDeclineEvent;
    'thrume-hang-up': ThrumeHangUpEvent;
    'thrume-toggle-microphone': ThrumeToggleMicrophoneEvent;
    'thrume-toggle-camera': ThrumeToggleCameraEvent;
    'thrume-toggle-screen-share': ThrumeToggleScreenShareEvent;
    'thrume-select-device': ThrumeSelectDeviceEvent;
    'thrume-dismiss': ThrumeDismissEvent;
  }
}
