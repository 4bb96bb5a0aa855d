import type { DefineComponent } from "vue";
import type {
  ThrumeActiveCall,
  ThrumeToggleMicrophoneEvent,
  ThrumeToggleCameraEvent,
  ThrumeToggleScreenShareEvent,
  ThrumeHangUpEvent,
  ThrumeSelectDeviceEvent,
  ThrumeDismissEvent,
  ThrumeCallButton,
  ThrumeCallEvent,
  ThrumeCallProvider,
  ThrumeIncomingCall,
  ThrumeAnswerEvent,
  ThrumeDeclineEvent,
} from "../dist/types/elements.js";

type ThrumeActiveCallProps = {
  /** Play no ringback tone while the other side rings. */
  silent?: ThrumeActiveCall["silent"];
  /** Hide the device pickers. */
  "hide-devices"?: ThrumeActiveCall["hideDevices"];
  /** When the call covers the viewport: `auto` on a phone-sized viewport, `always`, or `never` (it stays in place). */
  overlay?: ThrumeActiveCall["overlay"];
  /** Take no keyboard shortcuts, hold-to-talk included. */
  "no-shortcuts"?: ThrumeActiveCall["noShortcuts"];
  /** Key combinations for `microphone`, `camera`, `full-screen` and `hang-up`, as `aria-keyshortcuts` writes them, over the defaults; '' turns one off. */
  shortcuts?: ThrumeActiveCall["shortcuts"];
  /** The call shown: in progress, or ended and not yet closed. Null when the element shows nothing. */
  call?: ThrumeActiveCall["call"];
  /** Whether the call covers the viewport now. */
  overlaid?: ThrumeActiveCall["overlaid"];
  /** Whether the ringback is wanted now (it may still wait for a user gesture to be heard). */
  ringbackPlaying?: ThrumeActiveCall["ringbackPlaying"];
  /** Whether the screen is kept on now (Screen Wake Lock, during a video call, where the browser allows it). */
  screenKeptOn?: ThrumeActiveCall["screenKeptOn"];
  /** The key combinations in effect. */
  shortcutKeys?: ThrumeActiveCall["shortcutKeys"];
  /** A call controller to use instead of the one a `<thrume-call-provider>` provides. */
  controller?: ThrumeActiveCall["controller"];
  /** Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. */
  strings?: ThrumeActiveCall["strings"];
  /** The mute button was pressed (`muted`: what it asks for); cancelable. */
  "onthrume-toggle-microphone"?: (e: ThrumeToggleMicrophoneEvent) => void;
  /** The camera button was pressed (`cameraOn`); cancelable. */
  "onthrume-toggle-camera"?: (e: ThrumeToggleCameraEvent) => void;
  /** The screen-share button was pressed (`screenSharing`); cancelable. */
  "onthrume-toggle-screen-share"?: (e: ThrumeToggleScreenShareEvent) => void;
  /** Hang up or cancel was pressed; cancelable. */
  "onthrume-hang-up"?: (e: ThrumeHangUpEvent) => void;
  /** A microphone, camera or speaker was picked (`kind`, `deviceId`); cancelable. */
  "onthrume-select-device"?: (e: ThrumeSelectDeviceEvent) => void;
  /** The ended call's Close button was pressed; cancelable (keeps the summary). */
  "onthrume-dismiss"?: (e: ThrumeDismissEvent) => void;
};

type ThrumeCallButtonProps = {
  /** The user id of the person to call. */
  "callee-id"?: ThrumeCallButton["calleeId"];
  /** The callee's display name, for labels and the call's record. */
  "callee-name"?: ThrumeCallButton["calleeName"];
  /** The conversation the call belongs to. */
  "conversation-id"?: ThrumeCallButton["conversationId"];
  /** Which buttons to show, space-separated: `voice`, `video`, `screen-share`. */
  actions?: ThrumeCallButton["actions"];
  /** Show the buttons' text next to their icons (it is always there for assistive technology). */
  "show-labels"?: ThrumeCallButton["showLabels"];
  /** Why the buttons do nothing now, or an empty string when they can call. */
  disabledReason?: ThrumeCallButton["disabledReason"];
  /** A call controller to use instead of the one a `<thrume-call-provider>` provides. */
  controller?: ThrumeCallButton["controller"];
  /** Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. */
  strings?: ThrumeCallButton["strings"];
  /** A call button was pressed (`ThrumeCallEvent`); `preventDefault()` keeps the element from calling. */
  "onthrume-call"?: (e: ThrumeCallEvent) => void;
};

type ThrumeCallProviderProps = {
  /** The SignalR hub's URL, for example `https://api.example.com/chathub`. */
  "hub-url"?: ThrumeCallProvider["hubUrl"];
  /** Send no cookies to a hub on another origin. */
  "no-credentials"?: ThrumeCallProvider["noCredentials"];
  /** STUN and TURN servers, as JSON in the attribute; the controller's defaults (or the hub's list) without it. */
  "ice-servers"?: ThrumeCallProvider["iceServers"];
  /** `relay` sends media only through the TURN servers among `ice-servers`, hiding each side's IP address from the other. */
  "ice-transport-policy"?: ThrumeCallProvider["iceTransportPolicy"];
  /** How long a call may ring, in milliseconds, when the hub has no ring timeout of its own. */
  "ring-timeout"?: ThrumeCallProvider["ringTimeout"];
  /** Gives a bearer token for the hub; without it the hub's cookies are used. */
  accessTokenFactory?: ThrumeCallProvider["accessTokenFactory"];
  /** Gives the other person's name and picture, `(userId, hint) => ({ name, avatarUrl })` or a promise of it; may be set at any time. */
  peerResolver?: ThrumeCallProvider["peerResolver"];
  /** A signaling to use instead of SignalR, such as `new LoopbackHub().connect({ id, name })`. */
  signaling?: ThrumeCallProvider["signaling"];
  /** The camera, microphone and screen source; the browser's own without it (`SyntheticMedia` in stories). */
  media?: ThrumeCallProvider["media"];
  /** Replacement strings for every element inside, over their language's; see `CallStrings` for the keys. */
  strings?: ThrumeCallProvider["strings"];
  /** The call controller provided: the one set here, or the one this element created. */
  controller?: ThrumeCallProvider["controller"];
  /** For compatibility with `withCredentials` in SignalR's options. */
  withCredentials?: ThrumeCallProvider["withCredentials"];
};

type ThrumeIncomingCallProps = {
  /** Play no ringtone. */
  silent?: ThrumeIncomingCall["silent"];
  /** The call ringing here, or null. */
  call?: ThrumeIncomingCall["call"];
  /** Whether the ringtone is wanted now (it may still wait for a user gesture to be heard). */
  ringtonePlaying?: ThrumeIncomingCall["ringtonePlaying"];
  /** Whether the ringtone can be heard now. */
  ringtoneAudible?: ThrumeIncomingCall["ringtoneAudible"];
  /** A call controller to use instead of the one a `<thrume-call-provider>` provides. */
  controller?: ThrumeIncomingCall["controller"];
  /** Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. */
  strings?: ThrumeIncomingCall["strings"];
  /** Accept or Accept with audio only was pressed (`ThrumeAnswerEvent`, `audioOnly`); `preventDefault()` keeps the element from answering. */
  "onthrume-answer"?: (e: ThrumeAnswerEvent) => void;
  /** Decline or Escape was pressed (`ThrumeDeclineEvent`); `preventDefault()` keeps the element from declining. */
  "onthrume-decline"?: (e: ThrumeDeclineEvent) => void;
};

export type CustomElements = {
  /**
   * The call in progress: video, avatar, duration, mute, camera, screen share, hang up, devices.
   * ---
   *
   *
   * ### **Events:**
   *  - **thrume-toggle-microphone** - The mute button was pressed (`muted`: what it asks for); cancelable.
   * - **thrume-toggle-camera** - The camera button was pressed (`cameraOn`); cancelable.
   * - **thrume-toggle-screen-share** - The screen-share button was pressed (`screenSharing`); cancelable.
   * - **thrume-hang-up** - Hang up or cancel was pressed; cancelable.
   * - **thrume-select-device** - A microphone, camera or speaker was picked (`kind`, `deviceId`); cancelable.
   * - **thrume-dismiss** - The ended call's Close button was pressed; cancelable (keeps the summary).
   *
   * ### **Methods:**
   *
   *
   *
   * ### **CSS Properties:**
   *  - **--thrume-active-call-background** - Background. _(default: undefined)_
   * - **--thrume-active-call-color** - Text colour. _(default: undefined)_
   * - **--thrume-active-call-border-color** - Border colour. _(default: undefined)_
   * - **--thrume-active-call-radius** - Corner radius. _(default: undefined)_
   * - **--thrume-active-call-video-background** - Background behind the video and avatar. _(default: undefined)_
   * - **--thrume-active-call-video-fit** - `object-fit` of the remote video. _(default: undefined)_
   * - **--thrume-active-call-aspect-ratio** - Aspect ratio of the video area. _(default: undefined)_
   * - **--thrume-active-call-stage-min-height** - Minimum height of the video area. _(default: undefined)_
   * - **--thrume-active-call-stage-max-height** - Maximum height of the video area in place, so the controls stay on the screen. _(default: undefined)_
   * - **--thrume-active-call-local-width** - Width of the inset video. _(default: undefined)_
   * - **--thrume-active-call-inset-offset** - Distance of the inset from the stage's edges. _(default: undefined)_
   * - **--thrume-active-call-avatar-size** - Avatar size. _(default: undefined)_
   * - **--thrume-active-call-control-size** - Control button size (at least 44 px for touch). _(default: undefined)_
   * - **--thrume-active-call-control-gap** - Space between the control buttons. _(default: undefined)_
   * - **--thrume-active-call-z-index** - Stacking order of the call while it covers the viewport. _(default: undefined)_
   * - **--thrume-active-call-overlay-background** - Background while it covers the viewport. _(default: undefined)_
   * - **--thrume-active-call-overlay-summary-background** - Behind the name and status over the video, while it covers the viewport. _(default: undefined)_
   * - **--thrume-active-call-control-background** - Control button background. _(default: undefined)_
   * - **--thrume-active-call-control-pressed-background** - Pressed control button background. _(default: undefined)_
   * - **--thrume-active-call-hang-up-background** - Hang-up button colour. _(default: undefined)_
   * - **--thrume-active-call-speaking-color** - The ring around whoever is speaking: the other side's video or avatar, this side's video and mute button. _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The whole call.
   * - **stage** - The video area.
   * - **remote-video** - The other side's video (or screen).
   * - **local-video** - This side's own video, mirrored unless it is a screen.
   * - **inset** - The small video in a corner (this side's, or the other side's once swapped); on a phone, drag it to move it.
   * - **swap** - The button over the inset that swaps it with the large video.
   * - **avatar** - The other person's picture or initials, when there is no video.
   * - **remote-audio** - The audio element that plays the other side.
   * - **summary** - Name, status, duration and quality.
   * - **name** - The other person's name.
   * - **status** - The status line (calling, connecting, reconnecting, how it ended).
   * - **duration** - The call's duration.
   * - **quality** - The connection quality verdict.
   * - **remote-state** - What the other side is doing (muted, sharing).
   * - **error** - The current error.
   * - **controls** - The call control buttons.
   * - **control** - Every call control button.
   * - **microphone** - The mute button.
   * - **camera** - The camera button.
   * - **screen-share** - The screen-share button.
   * - **picture-in-picture** - The picture-in-picture button (where the browser has Document Picture-in-Picture, or video picture-in-picture and the other side's video shows).
   * - **full-screen** - The full-screen button (shown where the browser allows full screen).
   * - **hang-up** - The hang-up (or cancel) button.
   * - **notice** - A message about the view, such as full screen refused.
   * - **muted-hint** - "You are muted", shown while this side speaks with its microphone muted.
   * - **dismiss** - The button that hides the notice.
   * - **devices** - The device pickers.
   * - **close** - The Close button under an ended call.
   */
  "thrume-active-call": DefineComponent<ThrumeActiveCallProps>;

  /**
   * Call buttons for one person: voice, video, and video with screen sharing.
   * ---
   *
   *
   * ### **Events:**
   *  - **thrume-call** - A call button was pressed (`ThrumeCallEvent`); `preventDefault()` keeps the element from calling.
   *
   * ### **Methods:**
   *
   *
   * ### **CSS Properties:**
   *  - **--thrume-call-button-background** - Button background. _(default: undefined)_
   * - **--thrume-call-button-hover-background** - Button background on hover. _(default: undefined)_
   * - **--thrume-call-button-color** - Icon and text colour. _(default: undefined)_
   * - **--thrume-call-button-border-color** - Button border colour. _(default: undefined)_
   * - **--thrume-call-button-radius** - Button corner radius. _(default: undefined)_
   * - **--thrume-call-button-gap** - Space between the buttons. _(default: undefined)_
   * - **--thrume-call-button-font-size** - Text and icon size. _(default: undefined)_
   * - **--thrume-call-button-size** - Minimum width and height of each button (44 px, the touch minimum). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The group around the buttons.
   * - **button** - Every call button.
   * - **voice** - The voice call button.
   * - **video** - The video call button.
   * - **screen-share** - The call-and-share-screen button.
   * - **label** - The buttons' text (visually hidden unless `show-labels`).
   * - **reason** - Why the buttons are disabled (visually hidden).
   */
  "thrume-call-button": DefineComponent<ThrumeCallButtonProps>;

  /**
   * Provides one call controller to the call elements inside it.
   * ---
   *
   *
   * ### **Slots:**
   *  - _default_ - The page content that holds the call elements.
   */
  "thrume-call-provider": DefineComponent<ThrumeCallProviderProps>;

  /**
   * Incoming call alert dialog: caller, call type, accept, accept with audio only, decline.
   * ---
   *
   *
   * ### **Events:**
   *  - **thrume-answer** - Accept or Accept with audio only was pressed (`ThrumeAnswerEvent`, `audioOnly`); `preventDefault()` keeps the element from answering.
   * - **thrume-decline** - Decline or Escape was pressed (`ThrumeDeclineEvent`); `preventDefault()` keeps the element from declining.
   *
   * ### **Methods:**
   *
   *
   * ### **CSS Properties:**
   *  - **--thrume-incoming-call-background** - Dialog background. _(default: undefined)_
   * - **--thrume-incoming-call-color** - Dialog text colour. _(default: undefined)_
   * - **--thrume-incoming-call-border-color** - Dialog border colour. _(default: undefined)_
   * - **--thrume-incoming-call-radius** - Dialog corner radius. _(default: undefined)_
   * - **--thrume-incoming-call-shadow** - Dialog shadow. _(default: undefined)_
   * - **--thrume-incoming-call-width** - Dialog width. _(default: undefined)_
   * - **--thrume-incoming-call-position** - `fixed` (default) or `static`, `absolute`... _(default: undefined)_
   * - **--thrume-incoming-call-top** - Distance from the top when positioned. _(default: undefined)_
   * - **--thrume-incoming-call-end** - Distance from the inline end when positioned. _(default: undefined)_
   * - **--thrume-incoming-call-z-index** - Stacking order when positioned. _(default: undefined)_
   * - **--thrume-incoming-call-avatar-size** - Avatar size. _(default: undefined)_
   * - **--thrume-incoming-call-button-height** - Button height in the card (at least 44 px for touch). _(default: undefined)_
   * - **--thrume-incoming-call-sheet-button-height** - Button height in the sheet on a phone. _(default: undefined)_
   * - **--thrume-incoming-call-accept-background** - Accept button colour. _(default: undefined)_
   * - **--thrume-incoming-call-decline-background** - Decline button colour. _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The dialog.
   * - **caller** - The caller's avatar, name and call type.
   * - **avatar** - The caller's picture or initials.
   * - **title** - The "Incoming call" heading.
   * - **name** - The caller's name.
   * - **type** - The call type.
   * - **actions** - The buttons.
   * - **button** - Every button.
   * - **accept** - The Accept button.
   * - **accept-audio** - The Accept with audio only button (video calls).
   * - **decline** - The Decline button.
   * - **announcer** - The live region that announces the caller (visually hidden).
   */
  "thrume-incoming-call": DefineComponent<ThrumeIncomingCallProps>;
};

declare module "vue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface GlobalComponents extends CustomElements {}
}

declare global {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-interface
    interface IntrinsicElements extends CustomElements {}
  }
}
