
import type { CallElement, overlayModes, ThrumeActiveCall, callActions, ThrumeCallButton, ThrumeCallProvider, ThrumeIncomingCall, ThrumeToggleMicrophoneEvent, ThrumeToggleCameraEvent, ThrumeToggleScreenShareEvent, ThrumeHangUpEvent, ThrumeSelectDeviceEvent, ThrumeDismissEvent, ThrumeCallEvent, ThrumeAnswerEvent, ThrumeDeclineEvent } from "../dist/types/elements.js";

/**
 * This type can be used to create scoped tags for your components.
 *
 * Usage:
 *
 * ```ts
 * import type { ScopedElements } from "path/to/library/jsx-integration";
 *
 * declare module "my-library" {
 *   namespace JSX {
 *     interface IntrinsicElements
 *       extends ScopedElements<'test-', ''> {}
 *   }
 * }
 * ```
 *
 * @deprecated Runtime scoped elements result in duplicate types and can confusing for developers. It is recommended to use the `prefix` and `suffix` options to generate new types instead.
 */
export type ScopedElements<
  Prefix extends string = "",
  Suffix extends string = ""
> = {
  [Key in keyof CustomElements as `${Prefix}${Key}${Suffix}`]: CustomElements[Key];
};

/**
  * A generic type for strongly typing custom events with their targets
  * @template T - The type of the event target (extends EventTarget)
  * @template D - The type of the detail payload for the custom event
  */
 type TypedEvent<
   T extends EventTarget,
   E = Event
 > = E & {
   target: T;
 };

type BaseProps<T extends HTMLElement> = {

  /** Content added between the opening and closing tags of the element */
  children?: any | undefined;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  class?: string | undefined;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  className?: string | undefined;
  /** Takes an object where the key is the class name(s) and the value is a boolean expression. When true, the class is applied, and when false, it is removed. */
  classList?: Record<string, boolean | undefined> | undefined;
  /** Specifies the text direction of the element. */
  dir?: "ltr" | "rtl" | undefined;
  /** Contains a space-separated list of the part names of the element that should be exposed on the host element. */
  exportparts?: string | undefined;
  /** For <label> and <output>, lets you associate the label with some control. */
  htmlFor?: string | undefined;
  /** Specifies whether the element should be hidden. */
  hidden?: boolean | string | undefined;
  /** A unique identifier for the element. */
  id?: string | undefined;
  /** Keys tell React which array item each component corresponds to */
  key?: string | number | undefined;
  /** Specifies the language of the element. */
  lang?: string | undefined;
  /** Defines the element's semantic role for accessibility APIs. */
  role?: string | undefined;
  /** Contains a space-separated list of the part names of the element. Part names allows CSS to select and style specific elements in a shadow tree via the ::part pseudo-element. */
  part?: string | undefined;
  /** Use the ref attribute with a variable to assign a DOM element to the variable once the element is rendered. */
  ref?: (T | ((e: T) => void)) | undefined;
  /** Adds a reference for a custom element slot */
  slot?: string | undefined;
  /** Prop for setting inline styles */
  style?: Record<string, string | number> | undefined;
  /** Overrides the default Tab button behavior. Avoid using values other than -1 and 0. */
  tabIndex?: number | undefined;
  /** Specifies the tooltip text for the element. */
  title?: string | undefined;
  /** Passing 'no' excludes the element content from being translated. */
  translate?: "yes" | "no" | undefined;
  /** The popover global attribute is used to designate an element as a popover element. */
  popover?: "auto" | "hint" | "manual" | undefined;
  /** Turns an element element into a popover control button; takes the ID of the popover element to control as its value. */
  popovertarget?: "top" | "bottom" | "left" | "right" | "auto" | undefined;
  /** Specifies the action to be performed on a popover element being controlled by a control element. */
  popovertargetaction?: "show" | "hide" | "toggle" | undefined;

} ;

type BaseEvents = {


};



/** `ThrumeActiveCall` component event */
     export type ThrumeActiveCallElementEvent<E = Event> = TypedEvent<ThrumeActiveCall, E>;
/** `thrume-toggle-microphone` event type */
      export type ThrumeActiveCallThrumeToggleMicrophoneElementEvent = ThrumeActiveCallElementEvent<ThrumeToggleMicrophoneEvent>;
/** `thrume-toggle-camera` event type */
      export type ThrumeActiveCallThrumeToggleCameraElementEvent = ThrumeActiveCallElementEvent<ThrumeToggleCameraEvent>;
/** `thrume-toggle-screen-share` event type */
      export type ThrumeActiveCallThrumeToggleScreenShareElementEvent = ThrumeActiveCallElementEvent<ThrumeToggleScreenShareEvent>;
/** `thrume-hang-up` event type */
      export type ThrumeActiveCallThrumeHangUpElementEvent = ThrumeActiveCallElementEvent<ThrumeHangUpEvent>;
/** `thrume-select-device` event type */
      export type ThrumeActiveCallThrumeSelectDeviceElementEvent = ThrumeActiveCallElementEvent<ThrumeSelectDeviceEvent>;
/** `thrume-dismiss` event type */
      export type ThrumeActiveCallThrumeDismissElementEvent = ThrumeActiveCallElementEvent<ThrumeDismissEvent>;

export type ThrumeActiveCallProps = {
  /** Play no ringback tone while the other side rings. */
        "silent"?: ThrumeActiveCall['silent'] | undefined;
  /** Hide the device pickers. */
          "hide-devices"?: ThrumeActiveCall['hideDevices'] | undefined;
  /** Hide the device pickers. */
        "hideDevices"?: ThrumeActiveCall['hideDevices'] | undefined;
  /** When the call covers the viewport: `auto` on a phone-sized viewport, `always`, or `never` (it stays in place). */
        "overlay"?: ThrumeActiveCall['overlay'] | undefined;
  /** Take no keyboard shortcuts, hold-to-talk included. */
          "no-shortcuts"?: ThrumeActiveCall['noShortcuts'] | undefined;
  /** Take no keyboard shortcuts, hold-to-talk included. */
        "noShortcuts"?: ThrumeActiveCall['noShortcuts'] | undefined;
  /** Key combinations for `microphone`, `camera`, `full-screen` and `hang-up`, as `aria-keyshortcuts` writes them, over the defaults; '' turns one off. */
        "shortcuts"?: ThrumeActiveCall['shortcuts'] | undefined;
  /** A call controller to use instead of the one a `<thrume-call-provider>` provides. */
        "controller"?: ThrumeActiveCall['controller'] | undefined;
  /** Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. */
        "strings"?: ThrumeActiveCall['strings'] | undefined;

  /** The mute button was pressed (`muted`: what it asks for); cancelable. */
  "onthrume-toggle-microphone"?: ((e: ThrumeActiveCallThrumeToggleMicrophoneElementEvent) => void) | undefined;
  /** The camera button was pressed (`cameraOn`); cancelable. */
  "onthrume-toggle-camera"?: ((e: ThrumeActiveCallThrumeToggleCameraElementEvent) => void) | undefined;
  /** The screen-share button was pressed (`screenSharing`); cancelable. */
  "onthrume-toggle-screen-share"?: ((e: ThrumeActiveCallThrumeToggleScreenShareElementEvent) => void) | undefined;
  /** Hang up or cancel was pressed; cancelable. */
  "onthrume-hang-up"?: ((e: ThrumeActiveCallThrumeHangUpElementEvent) => void) | undefined;
  /** A microphone, camera or speaker was picked (`kind`, `deviceId`); cancelable. */
  "onthrume-select-device"?: ((e: ThrumeActiveCallThrumeSelectDeviceElementEvent) => void) | undefined;
  /** The ended call's Close button was pressed; cancelable (keeps the summary). */
  "onthrume-dismiss"?: ((e: ThrumeActiveCallThrumeDismissElementEvent) => void) | undefined;

}

export type ThrumeActiveCallSolidJsProps = {
  /** Play no ringback tone while the other side rings. */
        "prop:silent"?: ThrumeActiveCall['silent'] | undefined;
  /** Hide the device pickers. */
        "bool:hide-devices"?: ThrumeActiveCall['hideDevices'] | undefined;
  /** Hide the device pickers. */
        "prop:hideDevices"?: ThrumeActiveCall['hideDevices'] | undefined;
  /** When the call covers the viewport: `auto` on a phone-sized viewport, `always`, or `never` (it stays in place). */
        "prop:overlay"?: ThrumeActiveCall['overlay'] | undefined;
  /** Take no keyboard shortcuts, hold-to-talk included. */
        "bool:no-shortcuts"?: ThrumeActiveCall['noShortcuts'] | undefined;
  /** Take no keyboard shortcuts, hold-to-talk included. */
        "prop:noShortcuts"?: ThrumeActiveCall['noShortcuts'] | undefined;
  /** Key combinations for `microphone`, `camera`, `full-screen` and `hang-up`, as `aria-keyshortcuts` writes them, over the defaults; '' turns one off. */
        "prop:shortcuts"?: ThrumeActiveCall['shortcuts'] | undefined;
  /** A call controller to use instead of the one a `<thrume-call-provider>` provides. */
        "prop:controller"?: ThrumeActiveCall['controller'] | undefined;
  /** Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. */
        "prop:strings"?: ThrumeActiveCall['strings'] | undefined;
  /** The mute button was pressed (`muted`: what it asks for); cancelable. */
  "on:thrume-toggle-microphone"?: ((e: ThrumeActiveCallThrumeToggleMicrophoneElementEvent) => void) | undefined;
  /** The camera button was pressed (`cameraOn`); cancelable. */
  "on:thrume-toggle-camera"?: ((e: ThrumeActiveCallThrumeToggleCameraElementEvent) => void) | undefined;
  /** The screen-share button was pressed (`screenSharing`); cancelable. */
  "on:thrume-toggle-screen-share"?: ((e: ThrumeActiveCallThrumeToggleScreenShareElementEvent) => void) | undefined;
  /** Hang up or cancel was pressed; cancelable. */
  "on:thrume-hang-up"?: ((e: ThrumeActiveCallThrumeHangUpElementEvent) => void) | undefined;
  /** A microphone, camera or speaker was picked (`kind`, `deviceId`); cancelable. */
  "on:thrume-select-device"?: ((e: ThrumeActiveCallThrumeSelectDeviceElementEvent) => void) | undefined;
  /** The ended call's Close button was pressed; cancelable (keeps the summary). */
  "on:thrume-dismiss"?: ((e: ThrumeActiveCallThrumeDismissElementEvent) => void) | undefined;

  /** Set the innerHTML of the element */
  innerHTML?: string | undefined;
  /** Set the textContent of the element */
  textContent?: string | number | undefined;
}

/** `ThrumeCallButton` component event */
     export type ThrumeCallButtonElementEvent<E = Event> = TypedEvent<ThrumeCallButton, E>;
/** `thrume-call` event type */
      export type ThrumeCallButtonThrumeCallElementEvent = ThrumeCallButtonElementEvent<ThrumeCallEvent>;

export type ThrumeCallButtonProps = {
  /** The user id of the person to call. */
          "callee-id"?: ThrumeCallButton['calleeId'] | undefined;
  /** The user id of the person to call. */
        "calleeId"?: ThrumeCallButton['calleeId'] | undefined;
  /** The callee's display name, for labels and the call's record. */
          "callee-name"?: ThrumeCallButton['calleeName'] | undefined;
  /** The callee's display name, for labels and the call's record. */
        "calleeName"?: ThrumeCallButton['calleeName'] | undefined;
  /** The conversation the call belongs to. */
          "conversation-id"?: ThrumeCallButton['conversationId'] | undefined;
  /** The conversation the call belongs to. */
        "conversationId"?: ThrumeCallButton['conversationId'] | undefined;
  /** Which buttons to show, space-separated: `voice`, `video`, `screen-share`. */
        "actions"?: ThrumeCallButton['actions'] | undefined;
  /** Show the buttons' text next to their icons (it is always there for assistive technology). */
          "show-labels"?: ThrumeCallButton['showLabels'] | undefined;
  /** Show the buttons' text next to their icons (it is always there for assistive technology). */
        "showLabels"?: ThrumeCallButton['showLabels'] | undefined;
  /** A call controller to use instead of the one a `<thrume-call-provider>` provides. */
        "controller"?: ThrumeCallButton['controller'] | undefined;
  /** Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. */
        "strings"?: ThrumeCallButton['strings'] | undefined;

  /** A call button was pressed (`ThrumeCallEvent`); `preventDefault()` keeps the element from calling. */
  "onthrume-call"?: ((e: ThrumeCallButtonThrumeCallElementEvent) => void) | undefined;

}

export type ThrumeCallButtonSolidJsProps = {
  /** The user id of the person to call. */
        "attr:callee-id"?: ThrumeCallButton['calleeId'] | undefined;
  /** The user id of the person to call. */
        "prop:calleeId"?: ThrumeCallButton['calleeId'] | undefined;
  /** The callee's display name, for labels and the call's record. */
        "attr:callee-name"?: ThrumeCallButton['calleeName'] | undefined;
  /** The callee's display name, for labels and the call's record. */
        "prop:calleeName"?: ThrumeCallButton['calleeName'] | undefined;
  /** The conversation the call belongs to. */
        "attr:conversation-id"?: ThrumeCallButton['conversationId'] | undefined;
  /** The conversation the call belongs to. */
        "prop:conversationId"?: ThrumeCallButton['conversationId'] | undefined;
  /** Which buttons to show, space-separated: `voice`, `video`, `screen-share`. */
        "prop:actions"?: ThrumeCallButton['actions'] | undefined;
  /** Show the buttons' text next to their icons (it is always there for assistive technology). */
        "bool:show-labels"?: ThrumeCallButton['showLabels'] | undefined;
  /** Show the buttons' text next to their icons (it is always there for assistive technology). */
        "prop:showLabels"?: ThrumeCallButton['showLabels'] | undefined;
  /** A call controller to use instead of the one a `<thrume-call-provider>` provides. */
        "prop:controller"?: ThrumeCallButton['controller'] | undefined;
  /** Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. */
        "prop:strings"?: ThrumeCallButton['strings'] | undefined;
  /** A call button was pressed (`ThrumeCallEvent`); `preventDefault()` keeps the element from calling. */
  "on:thrume-call"?: ((e: ThrumeCallButtonThrumeCallElementEvent) => void) | undefined;

  /** Set the innerHTML of the element */
  innerHTML?: string | undefined;
  /** Set the textContent of the element */
  textContent?: string | number | undefined;
}



export type ThrumeCallProviderProps = {
  /** The SignalR hub's URL, for example `https://api.example.com/chathub`. */
          "hub-url"?: ThrumeCallProvider['hubUrl'] | undefined;
  /** The SignalR hub's URL, for example `https://api.example.com/chathub`. */
        "hubUrl"?: ThrumeCallProvider['hubUrl'] | undefined;
  /** Send no cookies to a hub on another origin. */
          "no-credentials"?: ThrumeCallProvider['noCredentials'] | undefined;
  /** Send no cookies to a hub on another origin. */
        "noCredentials"?: ThrumeCallProvider['noCredentials'] | undefined;
  /** STUN and TURN servers, as JSON in the attribute; the controller's defaults (or the hub's list) without it. */
          "ice-servers"?: ThrumeCallProvider['iceServers'] | undefined;
  /** STUN and TURN servers, as JSON in the attribute; the controller's defaults (or the hub's list) without it. */
        "iceServers"?: ThrumeCallProvider['iceServers'] | undefined;
  /** `relay` sends media only through the TURN servers among `ice-servers`, hiding each side's IP address from the other. */
          "ice-transport-policy"?: ThrumeCallProvider['iceTransportPolicy'] | undefined;
  /** `relay` sends media only through the TURN servers among `ice-servers`, hiding each side's IP address from the other. */
        "iceTransportPolicy"?: ThrumeCallProvider['iceTransportPolicy'] | undefined;
  /** How long a call may ring, in milliseconds, when the hub has no ring timeout of its own. */
          "ring-timeout"?: ThrumeCallProvider['ringTimeout'] | undefined;
  /** How long a call may ring, in milliseconds, when the hub has no ring timeout of its own. */
        "ringTimeout"?: ThrumeCallProvider['ringTimeout'] | undefined;
  /** Gives a bearer token for the hub; without it the hub's cookies are used. */
        "accessTokenFactory"?: ThrumeCallProvider['accessTokenFactory'] | undefined;
  /** Gives the other person's name and picture, `(userId, hint) => ({ name, avatarUrl })` or a promise of it; may be set at any time. */
        "peerResolver"?: ThrumeCallProvider['peerResolver'] | undefined;
  /** A signaling to use instead of SignalR, such as `new LoopbackHub().connect({ id, name })`. */
        "signaling"?: ThrumeCallProvider['signaling'] | undefined;
  /** The camera, microphone and screen source; the browser's own without it (`SyntheticMedia` in stories). */
        "media"?: ThrumeCallProvider['media'] | undefined;
  /** Replacement strings for every element inside, over their language's; see `CallStrings` for the keys. */
        "strings"?: ThrumeCallProvider['strings'] | undefined;
  /** The call controller provided: the one set here, or the one this element created. */
        "controller"?: ThrumeCallProvider['controller'] | undefined;


}

export type ThrumeCallProviderSolidJsProps = {
  /** The SignalR hub's URL, for example `https://api.example.com/chathub`. */
        "attr:hub-url"?: ThrumeCallProvider['hubUrl'] | undefined;
  /** The SignalR hub's URL, for example `https://api.example.com/chathub`. */
        "prop:hubUrl"?: ThrumeCallProvider['hubUrl'] | undefined;
  /** Send no cookies to a hub on another origin. */
        "bool:no-credentials"?: ThrumeCallProvider['noCredentials'] | undefined;
  /** Send no cookies to a hub on another origin. */
        "prop:noCredentials"?: ThrumeCallProvider['noCredentials'] | undefined;
  /** STUN and TURN servers, as JSON in the attribute; the controller's defaults (or the hub's list) without it. */
        "attr:ice-servers"?: ThrumeCallProvider['iceServers'] | undefined;
  /** STUN and TURN servers, as JSON in the attribute; the controller's defaults (or the hub's list) without it. */
        "prop:iceServers"?: ThrumeCallProvider['iceServers'] | undefined;
  /** `relay` sends media only through the TURN servers among `ice-servers`, hiding each side's IP address from the other. */
        "attr:ice-transport-policy"?: ThrumeCallProvider['iceTransportPolicy'] | undefined;
  /** `relay` sends media only through the TURN servers among `ice-servers`, hiding each side's IP address from the other. */
        "prop:iceTransportPolicy"?: ThrumeCallProvider['iceTransportPolicy'] | undefined;
  /** How long a call may ring, in milliseconds, when the hub has no ring timeout of its own. */
        "attr:ring-timeout"?: ThrumeCallProvider['ringTimeout'] | undefined;
  /** How long a call may ring, in milliseconds, when the hub has no ring timeout of its own. */
        "prop:ringTimeout"?: ThrumeCallProvider['ringTimeout'] | undefined;
  /** Gives a bearer token for the hub; without it the hub's cookies are used. */
        "prop:accessTokenFactory"?: ThrumeCallProvider['accessTokenFactory'] | undefined;
  /** Gives the other person's name and picture, `(userId, hint) => ({ name, avatarUrl })` or a promise of it; may be set at any time. */
        "prop:peerResolver"?: ThrumeCallProvider['peerResolver'] | undefined;
  /** A signaling to use instead of SignalR, such as `new LoopbackHub().connect({ id, name })`. */
        "prop:signaling"?: ThrumeCallProvider['signaling'] | undefined;
  /** The camera, microphone and screen source; the browser's own without it (`SyntheticMedia` in stories). */
        "prop:media"?: ThrumeCallProvider['media'] | undefined;
  /** Replacement strings for every element inside, over their language's; see `CallStrings` for the keys. */
        "prop:strings"?: ThrumeCallProvider['strings'] | undefined;
  /** The call controller provided: the one set here, or the one this element created. */
        "prop:controller"?: ThrumeCallProvider['controller'] | undefined;

  /** Set the innerHTML of the element */
  innerHTML?: string | undefined;
  /** Set the textContent of the element */
  textContent?: string | number | undefined;
}

/** `ThrumeIncomingCall` component event */
     export type ThrumeIncomingCallElementEvent<E = Event> = TypedEvent<ThrumeIncomingCall, E>;
/** `thrume-answer` event type */
      export type ThrumeIncomingCallThrumeAnswerElementEvent = ThrumeIncomingCallElementEvent<ThrumeAnswerEvent>;
/** `thrume-decline` event type */
      export type ThrumeIncomingCallThrumeDeclineElementEvent = ThrumeIncomingCallElementEvent<ThrumeDeclineEvent>;

export type ThrumeIncomingCallProps = {
  /** Play no ringtone. */
        "silent"?: ThrumeIncomingCall['silent'] | undefined;
  /** A call controller to use instead of the one a `<thrume-call-provider>` provides. */
        "controller"?: ThrumeIncomingCall['controller'] | undefined;
  /** Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. */
        "strings"?: ThrumeIncomingCall['strings'] | undefined;

  /** Accept or Accept with audio only was pressed (`ThrumeAnswerEvent`, `audioOnly`); `preventDefault()` keeps the element from answering. */
  "onthrume-answer"?: ((e: ThrumeIncomingCallThrumeAnswerElementEvent) => void) | undefined;
  /** Decline or Escape was pressed (`ThrumeDeclineEvent`); `preventDefault()` keeps the element from declining. */
  "onthrume-decline"?: ((e: ThrumeIncomingCallThrumeDeclineElementEvent) => void) | undefined;

}

export type ThrumeIncomingCallSolidJsProps = {
  /** Play no ringtone. */
        "prop:silent"?: ThrumeIncomingCall['silent'] | undefined;
  /** A call controller to use instead of the one a `<thrume-call-provider>` provides. */
        "prop:controller"?: ThrumeIncomingCall['controller'] | undefined;
  /** Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. */
        "prop:strings"?: ThrumeIncomingCall['strings'] | undefined;
  /** Accept or Accept with audio only was pressed (`ThrumeAnswerEvent`, `audioOnly`); `preventDefault()` keeps the element from answering. */
  "on:thrume-answer"?: ((e: ThrumeIncomingCallThrumeAnswerElementEvent) => void) | undefined;
  /** Decline or Escape was pressed (`ThrumeDeclineEvent`); `preventDefault()` keeps the element from declining. */
  "on:thrume-decline"?: ((e: ThrumeIncomingCallThrumeDeclineElementEvent) => void) | undefined;

  /** Set the innerHTML of the element */
  innerHTML?: string | undefined;
  /** Set the textContent of the element */
  textContent?: string | number | undefined;
}

  export type CustomElements = {



  /**
     * The call in progress, from "Calling…" to how it ended. Remote video, or the other
 * person's avatar in a voice call; remote audio always plays through its own audio element (routed to
 * the chosen speaker where the browser can). The duration counts from when media connected. The
 * caller hears a WebAudio ringback while the other side rings.
 * 
 * Phones: on a phone-sized viewport (at most 600 px wide, or 500 px tall as a phone in landscape) the
 * call covers the viewport while it is shown (`overlay`): remote video edge to edge, the controls in a
 * bar along the bottom, inside the safe areas; it takes focus, keeps Tab within it, and gives focus back
 * when closed. Elsewhere it stays in place, and a narrow one (in a sidebar) wraps its controls and
 * pickers to its own width, every target still 44x44 px. The small video in a corner (the inset) is
 * tapped, or its swap button pressed, to swap it with the large one; on a phone it can also be dragged
 * to another corner. The phone layout's styles and dragging are loaded on demand, where first used.
 * 
 * Keyboard: while a call is shown, Control+Shift+M toggles the microphone, Control+Shift+O the camera,
 * Control+Shift+F full screen, and Control+Shift+H hangs up (by the key's place, in any layout); holding Space while muted talks
 * until it is let go. The buttons' tooltips and `aria-keyshortcuts` show them. None is taken while focus
 * is in a text field or another dialog; `shortcuts` changes them, `no-shortcuts` turns them off.
 * 
 * Speaking: a ring shows around the other side's video or avatar while they speak (getStats' audio
 * level), and around this side's video and mute button while this side does (its microphone, through
 * Web Audio); speaking while muted shows "You are muted" instead (`muted-hint`).
 * 
 * The screen stays on (Screen Wake Lock) while a video call is under way, where the browser allows it.
 * The full-screen button (Control+Shift+F) shows the call alone on the screen, laid out as on a phone;
 * where the browser refuses, a message says so, and the call goes on. The picture-in-picture button
 * keeps the call in sight over other pages and tabs: where the browser has Document Picture-in-Picture
 * (Chromium), the element itself moves into the window, controls, keys and page styles with it, and
 * comes back to its place when the window closes or the call ends; elsewhere the other side's video
 * goes into the browser's own window.
 * 
 * ## Attributes & Properties
 * 
 * Component attributes and properties that can be applied to the element or by using JavaScript.
 * 
 * - `silent`: Play no ringback tone while the other side rings. 
 * - `hide-devices`/`hideDevices`: Hide the device pickers. 
 * - `overlay`: When the call covers the viewport: `auto` on a phone-sized viewport, `always`, or `never` (it stays in place). 
 * - `no-shortcuts`/`noShortcuts`: Take no keyboard shortcuts, hold-to-talk included. 
 * - `shortcuts`: Key combinations for `microphone`, `camera`, `full-screen` and `hang-up`, as `aria-keyshortcuts` writes them, over the defaults; '' turns one off. (property only)
 * - `call`: The call shown: in progress, or ended and not yet closed. Null when the element shows nothing. (property only) (readonly)
 * - `overlaid`: Whether the call covers the viewport now. (property only) (readonly)
 * - `ringbackPlaying`: Whether the ringback is wanted now (it may still wait for a user gesture to be heard). (property only) (readonly)
 * - `screenKeptOn`: Whether the screen is kept on now (Screen Wake Lock, during a video call, where the browser allows it). (property only) (readonly)
 * - `shortcutKeys`: The key combinations in effect. (property only) (readonly)
 * - `controller`: A call controller to use instead of the one a `<thrume-call-provider>` provides. (property only)
 * - `strings`: Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. (property only)
 * 
 * ## Events
 * 
 * Events that will be emitted by the component.
 * 
 * - `thrume-toggle-microphone`: The mute button was pressed (`muted`: what it asks for); cancelable.
 * - `thrume-toggle-camera`: The camera button was pressed (`cameraOn`); cancelable.
 * - `thrume-toggle-screen-share`: The screen-share button was pressed (`screenSharing`); cancelable.
 * - `thrume-hang-up`: Hang up or cancel was pressed; cancelable.
 * - `thrume-select-device`: A microphone, camera or speaker was picked (`kind`, `deviceId`); cancelable.
 * - `thrume-dismiss`: The ended call's Close button was pressed; cancelable (keeps the summary).
 * 
 * ## CSS Custom Properties
 * 
 * CSS variables available for styling the component.
 * 
 * - `--thrume-active-call-background`: Background. (default: `undefined`)
 * - `--thrume-active-call-color`: Text colour. (default: `undefined`)
 * - `--thrume-active-call-border-color`: Border colour. (default: `undefined`)
 * - `--thrume-active-call-radius`: Corner radius. (default: `undefined`)
 * - `--thrume-active-call-video-background`: Background behind the video and avatar. (default: `undefined`)
 * - `--thrume-active-call-video-fit`: `object-fit` of the remote video. (default: `undefined`)
 * - `--thrume-active-call-aspect-ratio`: Aspect ratio of the video area. (default: `undefined`)
 * - `--thrume-active-call-stage-min-height`: Minimum height of the video area. (default: `undefined`)
 * - `--thrume-active-call-stage-max-height`: Maximum height of the video area in place, so the controls stay on the screen. (default: `undefined`)
 * - `--thrume-active-call-local-width`: Width of the inset video. (default: `undefined`)
 * - `--thrume-active-call-inset-offset`: Distance of the inset from the stage's edges. (default: `undefined`)
 * - `--thrume-active-call-avatar-size`: Avatar size. (default: `undefined`)
 * - `--thrume-active-call-control-size`: Control button size (at least 44 px for touch). (default: `undefined`)
 * - `--thrume-active-call-control-gap`: Space between the control buttons. (default: `undefined`)
 * - `--thrume-active-call-z-index`: Stacking order of the call while it covers the viewport. (default: `undefined`)
 * - `--thrume-active-call-overlay-background`: Background while it covers the viewport. (default: `undefined`)
 * - `--thrume-active-call-overlay-summary-background`: Behind the name and status over the video, while it covers the viewport. (default: `undefined`)
 * - `--thrume-active-call-control-background`: Control button background. (default: `undefined`)
 * - `--thrume-active-call-control-pressed-background`: Pressed control button background. (default: `undefined`)
 * - `--thrume-active-call-hang-up-background`: Hang-up button colour. (default: `undefined`)
 * - `--thrume-active-call-speaking-color`: The ring around whoever is speaking: the other side's video or avatar, this side's video and mute button. (default: `undefined`)
 * 
 * ## CSS Parts
 * 
 * Custom selectors for styling elements within the component.
 * 
 * - `base`: The whole call.
 * - `stage`: The video area.
 * - `remote-video`: The other side's video (or screen).
 * - `local-video`: This side's own video, mirrored unless it is a screen.
 * - `inset`: The small video in a corner (this side's, or the other side's once swapped); on a phone, drag it to move it.
 * - `swap`: The button over the inset that swaps it with the large video.
 * - `avatar`: The other person's picture or initials, when there is no video.
 * - `remote-audio`: The audio element that plays the other side.
 * - `summary`: Name, status, duration and quality.
 * - `name`: The other person's name.
 * - `status`: The status line (calling, connecting, reconnecting, how it ended).
 * - `duration`: The call's duration.
 * - `quality`: The connection quality verdict.
 * - `remote-state`: What the other side is doing (muted, sharing).
 * - `error`: The current error.
 * - `controls`: The call control buttons.
 * - `control`: Every call control button.
 * - `microphone`: The mute button.
 * - `camera`: The camera button.
 * - `screen-share`: The screen-share button.
 * - `picture-in-picture`: The picture-in-picture button (where the browser has Document Picture-in-Picture, or video picture-in-picture and the other side's video shows).
 * - `full-screen`: The full-screen button (shown where the browser allows full screen).
 * - `hang-up`: The hang-up (or cancel) button.
 * - `notice`: A message about the view, such as full screen refused.
 * - `muted-hint`: "You are muted", shown while this side speaks with its microphone muted.
 * - `dismiss`: The button that hides the notice.
 * - `devices`: The device pickers.
 * - `close`: The Close button under an ended call.
  */
    "thrume-active-call": Partial<ThrumeActiveCallProps & BaseProps<ThrumeActiveCall> & BaseEvents>;


  /**
     * Voice, video and screen-share call buttons for one callee. They stay focusable but do
 * nothing while a call is ringing or going on, and say why through `aria-describedby`.
 * 
 * ## Attributes & Properties
 * 
 * Component attributes and properties that can be applied to the element or by using JavaScript.
 * 
 * - `callee-id`/`calleeId`: The user id of the person to call. 
 * - `callee-name`/`calleeName`: The callee's display name, for labels and the call's record. 
 * - `conversation-id`/`conversationId`: The conversation the call belongs to. 
 * - `actions`: Which buttons to show, space-separated: `voice`, `video`, `screen-share`. 
 * - `show-labels`/`showLabels`: Show the buttons' text next to their icons (it is always there for assistive technology). 
 * - `disabledReason`: Why the buttons do nothing now, or an empty string when they can call. (property only) (readonly)
 * - `controller`: A call controller to use instead of the one a `<thrume-call-provider>` provides. (property only)
 * - `strings`: Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. (property only)
 * 
 * ## Events
 * 
 * Events that will be emitted by the component.
 * 
 * - `thrume-call`: A call button was pressed (`ThrumeCallEvent`); `preventDefault()` keeps the element from calling.
 * 
 * ## CSS Custom Properties
 * 
 * CSS variables available for styling the component.
 * 
 * - `--thrume-call-button-background`: Button background. (default: `undefined`)
 * - `--thrume-call-button-hover-background`: Button background on hover. (default: `undefined`)
 * - `--thrume-call-button-color`: Icon and text colour. (default: `undefined`)
 * - `--thrume-call-button-border-color`: Button border colour. (default: `undefined`)
 * - `--thrume-call-button-radius`: Button corner radius. (default: `undefined`)
 * - `--thrume-call-button-gap`: Space between the buttons. (default: `undefined`)
 * - `--thrume-call-button-font-size`: Text and icon size. (default: `undefined`)
 * - `--thrume-call-button-size`: Minimum width and height of each button (44 px, the touch minimum). (default: `undefined`)
 * 
 * ## CSS Parts
 * 
 * Custom selectors for styling elements within the component.
 * 
 * - `base`: The group around the buttons.
 * - `button`: Every call button.
 * - `voice`: The voice call button.
 * - `video`: The video call button.
 * - `screen-share`: The call-and-share-screen button.
 * - `label`: The buttons' text (visually hidden unless `show-labels`).
 * - `reason`: Why the buttons are disabled (visually hidden).
  */
    "thrume-call-button": Partial<ThrumeCallButtonProps & BaseProps<ThrumeCallButton> & BaseEvents>;


  /**
     * Creates the call controller (or is handed one) and provides it to every Thrume element inside it,
 * with `@lit/context`. It connects to the hub at `hub-url` over SignalR, with a bearer token from
 * `accessTokenFactory` or the page's cookies, or uses the `signaling` it is given (a loopback
 * signaling in tests and stories). A controller it created is disposed when it leaves the page:
 * the call ends and the camera and microphone are released.
 * 
 * Names and pictures: Thrume's hub tells the callee only the caller's user name. `peerResolver`
 * maps a user id (and that hint) to `{ name, avatarUrl }` from what the page knows, at once or as a
 * promise; the elements show its answer, else the hub's name (the reference hub's extended mode
 * sends the display name and picture), else the id. It is asked once per call; an answer that is
 * late (1.5 s; the controller's `peerResolverTimeoutMs`), throws or is not a profile changes nothing,
 * and the call goes on.
 * 
 * Languages: the elements speak the language of their nearest `lang` (de, fr, es, uk, pl and ar ship,
 * loaded on demand; `registerLocale` adds others) and follow `dir="rtl"`.
 * 
 * ## Attributes & Properties
 * 
 * Component attributes and properties that can be applied to the element or by using JavaScript.
 * 
 * - `hub-url`/`hubUrl`: The SignalR hub's URL, for example `https://api.example.com/chathub`. 
 * - `no-credentials`/`noCredentials`: Send no cookies to a hub on another origin. 
 * - `ice-servers`/`iceServers`: STUN and TURN servers, as JSON in the attribute; the controller's defaults (or the hub's list) without it. 
 * - `ice-transport-policy`/`iceTransportPolicy`: `relay` sends media only through the TURN servers among `ice-servers`, hiding each side's IP address from the other. 
 * - `ring-timeout`/`ringTimeout`: How long a call may ring, in milliseconds, when the hub has no ring timeout of its own. 
 * - `accessTokenFactory`: Gives a bearer token for the hub; without it the hub's cookies are used. (property only)
 * - `peerResolver`: Gives the other person's name and picture, `(userId, hint) => ({ name, avatarUrl })` or a promise of it; may be set at any time. (property only)
 * - `signaling`: A signaling to use instead of SignalR, such as `new LoopbackHub().connect({ id, name })`. (property only)
 * - `media`: The camera, microphone and screen source; the browser's own without it (`SyntheticMedia` in stories). (property only)
 * - `strings`: Replacement strings for every element inside, over their language's; see `CallStrings` for the keys. (property only)
 * - `controller`: The call controller provided: the one set here, or the one this element created. (property only)
 * - `withCredentials`: For compatibility with `withCredentials` in SignalR's options. (property only) (readonly)
 * 
 * ## Slots
 * 
 * Areas where markup can be added to the component.
 * 
 * - `(default)`: The page content that holds the call elements.
  */
    "thrume-call-provider": Partial<ThrumeCallProviderProps & BaseProps<ThrumeCallProvider> & BaseEvents>;


  /**
     * The ringing call, as an alert dialog: it takes focus (on Accept) while it rings and
 * gives it back after, Escape declines, and a live region announces the caller. The ringtone is made
 * with WebAudio and starts with the first user gesture when the browser blocks sound before one. The
 * dialog goes away by itself when the caller cancels, the ring times out or another device answers.
 * On a phone-sized viewport (at most 600 px wide, or 500 px tall) it is a full-width sheet along the
 * bottom edge, inside the safe areas, with large buttons; elsewhere a card in the top corner.
 * 
 * ## Attributes & Properties
 * 
 * Component attributes and properties that can be applied to the element or by using JavaScript.
 * 
 * - `silent`: Play no ringtone. 
 * - `call`: The call ringing here, or null. (property only) (readonly)
 * - `ringtonePlaying`: Whether the ringtone is wanted now (it may still wait for a user gesture to be heard). (property only) (readonly)
 * - `ringtoneAudible`: Whether the ringtone can be heard now. (property only) (readonly)
 * - `controller`: A call controller to use instead of the one a `<thrume-call-provider>` provides. (property only)
 * - `strings`: Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. (property only)
 * 
 * ## Events
 * 
 * Events that will be emitted by the component.
 * 
 * - `thrume-answer`: Accept or Accept with audio only was pressed (`ThrumeAnswerEvent`, `audioOnly`); `preventDefault()` keeps the element from answering.
 * - `thrume-decline`: Decline or Escape was pressed (`ThrumeDeclineEvent`); `preventDefault()` keeps the element from declining.
 * 
 * ## CSS Custom Properties
 * 
 * CSS variables available for styling the component.
 * 
 * - `--thrume-incoming-call-background`: Dialog background. (default: `undefined`)
 * - `--thrume-incoming-call-color`: Dialog text colour. (default: `undefined`)
 * - `--thrume-incoming-call-border-color`: Dialog border colour. (default: `undefined`)
 * - `--thrume-incoming-call-radius`: Dialog corner radius. (default: `undefined`)
 * - `--thrume-incoming-call-shadow`: Dialog shadow. (default: `undefined`)
 * - `--thrume-incoming-call-width`: Dialog width. (default: `undefined`)
 * - `--thrume-incoming-call-position`: `fixed` (default) or `static`, `absolute`... (default: `undefined`)
 * - `--thrume-incoming-call-top`: Distance from the top when positioned. (default: `undefined`)
 * - `--thrume-incoming-call-end`: Distance from the inline end when positioned. (default: `undefined`)
 * - `--thrume-incoming-call-z-index`: Stacking order when positioned. (default: `undefined`)
 * - `--thrume-incoming-call-avatar-size`: Avatar size. (default: `undefined`)
 * - `--thrume-incoming-call-button-height`: Button height in the card (at least 44 px for touch). (default: `undefined`)
 * - `--thrume-incoming-call-sheet-button-height`: Button height in the sheet on a phone. (default: `undefined`)
 * - `--thrume-incoming-call-accept-background`: Accept button colour. (default: `undefined`)
 * - `--thrume-incoming-call-decline-background`: Decline button colour. (default: `undefined`)
 * 
 * ## CSS Parts
 * 
 * Custom selectors for styling elements within the component.
 * 
 * - `base`: The dialog.
 * - `caller`: The caller's avatar, name and call type.
 * - `avatar`: The caller's picture or initials.
 * - `title`: The "Incoming call" heading.
 * - `name`: The caller's name.
 * - `type`: The call type.
 * - `actions`: The buttons.
 * - `button`: Every button.
 * - `accept`: The Accept button.
 * - `accept-audio`: The Accept with audio only button (video calls).
 * - `decline`: The Decline button.
 * - `announcer`: The live region that announces the caller (visually hidden).
  */
    "thrume-incoming-call": Partial<ThrumeIncomingCallProps & BaseProps<ThrumeIncomingCall> & BaseEvents>;
  }

  export type CustomElementsSolidJs = {



  /**
     * The call in progress, from "Calling…" to how it ended. Remote video, or the other
 * person's avatar in a voice call; remote audio always plays through its own audio element (routed to
 * the chosen speaker where the browser can). The duration counts from when media connected. The
 * caller hears a WebAudio ringback while the other side rings.
 * 
 * Phones: on a phone-sized viewport (at most 600 px wide, or 500 px tall as a phone in landscape) the
 * call covers the viewport while it is shown (`overlay`): remote video edge to edge, the controls in a
 * bar along the bottom, inside the safe areas; it takes focus, keeps Tab within it, and gives focus back
 * when closed. Elsewhere it stays in place, and a narrow one (in a sidebar) wraps its controls and
 * pickers to its own width, every target still 44x44 px. The small video in a corner (the inset) is
 * tapped, or its swap button pressed, to swap it with the large one; on a phone it can also be dragged
 * to another corner. The phone layout's styles and dragging are loaded on demand, where first used.
 * 
 * Keyboard: while a call is shown, Control+Shift+M toggles the microphone, Control+Shift+O the camera,
 * Control+Shift+F full screen, and Control+Shift+H hangs up (by the key's place, in any layout); holding Space while muted talks
 * until it is let go. The buttons' tooltips and `aria-keyshortcuts` show them. None is taken while focus
 * is in a text field or another dialog; `shortcuts` changes them, `no-shortcuts` turns them off.
 * 
 * Speaking: a ring shows around the other side's video or avatar while they speak (getStats' audio
 * level), and around this side's video and mute button while this side does (its microphone, through
 * Web Audio); speaking while muted shows "You are muted" instead (`muted-hint`).
 * 
 * The screen stays on (Screen Wake Lock) while a video call is under way, where the browser allows it.
 * The full-screen button (Control+Shift+F) shows the call alone on the screen, laid out as on a phone;
 * where the browser refuses, a message says so, and the call goes on. The picture-in-picture button
 * keeps the call in sight over other pages and tabs: where the browser has Document Picture-in-Picture
 * (Chromium), the element itself moves into the window, controls, keys and page styles with it, and
 * comes back to its place when the window closes or the call ends; elsewhere the other side's video
 * goes into the browser's own window.
 * 
 * ## Attributes & Properties
 * 
 * Component attributes and properties that can be applied to the element or by using JavaScript.
 * 
 * - `silent`: Play no ringback tone while the other side rings. 
 * - `hide-devices`/`hideDevices`: Hide the device pickers. 
 * - `overlay`: When the call covers the viewport: `auto` on a phone-sized viewport, `always`, or `never` (it stays in place). 
 * - `no-shortcuts`/`noShortcuts`: Take no keyboard shortcuts, hold-to-talk included. 
 * - `shortcuts`: Key combinations for `microphone`, `camera`, `full-screen` and `hang-up`, as `aria-keyshortcuts` writes them, over the defaults; '' turns one off. (property only)
 * - `call`: The call shown: in progress, or ended and not yet closed. Null when the element shows nothing. (property only) (readonly)
 * - `overlaid`: Whether the call covers the viewport now. (property only) (readonly)
 * - `ringbackPlaying`: Whether the ringback is wanted now (it may still wait for a user gesture to be heard). (property only) (readonly)
 * - `screenKeptOn`: Whether the screen is kept on now (Screen Wake Lock, during a video call, where the browser allows it). (property only) (readonly)
 * - `shortcutKeys`: The key combinations in effect. (property only) (readonly)
 * - `controller`: A call controller to use instead of the one a `<thrume-call-provider>` provides. (property only)
 * - `strings`: Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. (property only)
 * 
 * ## Events
 * 
 * Events that will be emitted by the component.
 * 
 * - `thrume-toggle-microphone`: The mute button was pressed (`muted`: what it asks for); cancelable.
 * - `thrume-toggle-camera`: The camera button was pressed (`cameraOn`); cancelable.
 * - `thrume-toggle-screen-share`: The screen-share button was pressed (`screenSharing`); cancelable.
 * - `thrume-hang-up`: Hang up or cancel was pressed; cancelable.
 * - `thrume-select-device`: A microphone, camera or speaker was picked (`kind`, `deviceId`); cancelable.
 * - `thrume-dismiss`: The ended call's Close button was pressed; cancelable (keeps the summary).
 * 
 * ## CSS Custom Properties
 * 
 * CSS variables available for styling the component.
 * 
 * - `--thrume-active-call-background`: Background. (default: `undefined`)
 * - `--thrume-active-call-color`: Text colour. (default: `undefined`)
 * - `--thrume-active-call-border-color`: Border colour. (default: `undefined`)
 * - `--thrume-active-call-radius`: Corner radius. (default: `undefined`)
 * - `--thrume-active-call-video-background`: Background behind the video and avatar. (default: `undefined`)
 * - `--thrume-active-call-video-fit`: `object-fit` of the remote video. (default: `undefined`)
 * - `--thrume-active-call-aspect-ratio`: Aspect ratio of the video area. (default: `undefined`)
 * - `--thrume-active-call-stage-min-height`: Minimum height of the video area. (default: `undefined`)
 * - `--thrume-active-call-stage-max-height`: Maximum height of the video area in place, so the controls stay on the screen. (default: `undefined`)
 * - `--thrume-active-call-local-width`: Width of the inset video. (default: `undefined`)
 * - `--thrume-active-call-inset-offset`: Distance of the inset from the stage's edges. (default: `undefined`)
 * - `--thrume-active-call-avatar-size`: Avatar size. (default: `undefined`)
 * - `--thrume-active-call-control-size`: Control button size (at least 44 px for touch). (default: `undefined`)
 * - `--thrume-active-call-control-gap`: Space between the control buttons. (default: `undefined`)
 * - `--thrume-active-call-z-index`: Stacking order of the call while it covers the viewport. (default: `undefined`)
 * - `--thrume-active-call-overlay-background`: Background while it covers the viewport. (default: `undefined`)
 * - `--thrume-active-call-overlay-summary-background`: Behind the name and status over the video, while it covers the viewport. (default: `undefined`)
 * - `--thrume-active-call-control-background`: Control button background. (default: `undefined`)
 * - `--thrume-active-call-control-pressed-background`: Pressed control button background. (default: `undefined`)
 * - `--thrume-active-call-hang-up-background`: Hang-up button colour. (default: `undefined`)
 * - `--thrume-active-call-speaking-color`: The ring around whoever is speaking: the other side's video or avatar, this side's video and mute button. (default: `undefined`)
 * 
 * ## CSS Parts
 * 
 * Custom selectors for styling elements within the component.
 * 
 * - `base`: The whole call.
 * - `stage`: The video area.
 * - `remote-video`: The other side's video (or screen).
 * - `local-video`: This side's own video, mirrored unless it is a screen.
 * - `inset`: The small video in a corner (this side's, or the other side's once swapped); on a phone, drag it to move it.
 * - `swap`: The button over the inset that swaps it with the large video.
 * - `avatar`: The other person's picture or initials, when there is no video.
 * - `remote-audio`: The audio element that plays the other side.
 * - `summary`: Name, status, duration and quality.
 * - `name`: The other person's name.
 * - `status`: The status line (calling, connecting, reconnecting, how it ended).
 * - `duration`: The call's duration.
 * - `quality`: The connection quality verdict.
 * - `remote-state`: What the other side is doing (muted, sharing).
 * - `error`: The current error.
 * - `controls`: The call control buttons.
 * - `control`: Every call control button.
 * - `microphone`: The mute button.
 * - `camera`: The camera button.
 * - `screen-share`: The screen-share button.
 * - `picture-in-picture`: The picture-in-picture button (where the browser has Document Picture-in-Picture, or video picture-in-picture and the other side's video shows).
 * - `full-screen`: The full-screen button (shown where the browser allows full screen).
 * - `hang-up`: The hang-up (or cancel) button.
 * - `notice`: A message about the view, such as full screen refused.
 * - `muted-hint`: "You are muted", shown while this side speaks with its microphone muted.
 * - `dismiss`: The button that hides the notice.
 * - `devices`: The device pickers.
 * - `close`: The Close button under an ended call.
  */
    "thrume-active-call": Partial<ThrumeActiveCallProps & ThrumeActiveCallSolidJsProps & BaseProps<ThrumeActiveCall> & BaseEvents>;


  /**
     * Voice, video and screen-share call buttons for one callee. They stay focusable but do
 * nothing while a call is ringing or going on, and say why through `aria-describedby`.
 * 
 * ## Attributes & Properties
 * 
 * Component attributes and properties that can be applied to the element or by using JavaScript.
 * 
 * - `callee-id`/`calleeId`: The user id of the person to call. 
 * - `callee-name`/`calleeName`: The callee's display name, for labels and the call's record. 
 * - `conversation-id`/`conversationId`: The conversation the call belongs to. 
 * - `actions`: Which buttons to show, space-separated: `voice`, `video`, `screen-share`. 
 * - `show-labels`/`showLabels`: Show the buttons' text next to their icons (it is always there for assistive technology). 
 * - `disabledReason`: Why the buttons do nothing now, or an empty string when they can call. (property only) (readonly)
 * - `controller`: A call controller to use instead of the one a `<thrume-call-provider>` provides. (property only)
 * - `strings`: Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. (property only)
 * 
 * ## Events
 * 
 * Events that will be emitted by the component.
 * 
 * - `thrume-call`: A call button was pressed (`ThrumeCallEvent`); `preventDefault()` keeps the element from calling.
 * 
 * ## CSS Custom Properties
 * 
 * CSS variables available for styling the component.
 * 
 * - `--thrume-call-button-background`: Button background. (default: `undefined`)
 * - `--thrume-call-button-hover-background`: Button background on hover. (default: `undefined`)
 * - `--thrume-call-button-color`: Icon and text colour. (default: `undefined`)
 * - `--thrume-call-button-border-color`: Button border colour. (default: `undefined`)
 * - `--thrume-call-button-radius`: Button corner radius. (default: `undefined`)
 * - `--thrume-call-button-gap`: Space between the buttons. (default: `undefined`)
 * - `--thrume-call-button-font-size`: Text and icon size. (default: `undefined`)
 * - `--thrume-call-button-size`: Minimum width and height of each button (44 px, the touch minimum). (default: `undefined`)
 * 
 * ## CSS Parts
 * 
 * Custom selectors for styling elements within the component.
 * 
 * - `base`: The group around the buttons.
 * - `button`: Every call button.
 * - `voice`: The voice call button.
 * - `video`: The video call button.
 * - `screen-share`: The call-and-share-screen button.
 * - `label`: The buttons' text (visually hidden unless `show-labels`).
 * - `reason`: Why the buttons are disabled (visually hidden).
  */
    "thrume-call-button": Partial<ThrumeCallButtonProps & ThrumeCallButtonSolidJsProps & BaseProps<ThrumeCallButton> & BaseEvents>;


  /**
     * Creates the call controller (or is handed one) and provides it to every Thrume element inside it,
 * with `@lit/context`. It connects to the hub at `hub-url` over SignalR, with a bearer token from
 * `accessTokenFactory` or the page's cookies, or uses the `signaling` it is given (a loopback
 * signaling in tests and stories). A controller it created is disposed when it leaves the page:
 * the call ends and the camera and microphone are released.
 * 
 * Names and pictures: Thrume's hub tells the callee only the caller's user name. `peerResolver`
 * maps a user id (and that hint) to `{ name, avatarUrl }` from what the page knows, at once or as a
 * promise; the elements show its answer, else the hub's name (the reference hub's extended mode
 * sends the display name and picture), else the id. It is asked once per call; an answer that is
 * late (1.5 s; the controller's `peerResolverTimeoutMs`), throws or is not a profile changes nothing,
 * and the call goes on.
 * 
 * Languages: the elements speak the language of their nearest `lang` (de, fr, es, uk, pl and ar ship,
 * loaded on demand; `registerLocale` adds others) and follow `dir="rtl"`.
 * 
 * ## Attributes & Properties
 * 
 * Component attributes and properties that can be applied to the element or by using JavaScript.
 * 
 * - `hub-url`/`hubUrl`: The SignalR hub's URL, for example `https://api.example.com/chathub`. 
 * - `no-credentials`/`noCredentials`: Send no cookies to a hub on another origin. 
 * - `ice-servers`/`iceServers`: STUN and TURN servers, as JSON in the attribute; the controller's defaults (or the hub's list) without it. 
 * - `ice-transport-policy`/`iceTransportPolicy`: `relay` sends media only through the TURN servers among `ice-servers`, hiding each side's IP address from the other. 
 * - `ring-timeout`/`ringTimeout`: How long a call may ring, in milliseconds, when the hub has no ring timeout of its own. 
 * - `accessTokenFactory`: Gives a bearer token for the hub; without it the hub's cookies are used. (property only)
 * - `peerResolver`: Gives the other person's name and picture, `(userId, hint) => ({ name, avatarUrl })` or a promise of it; may be set at any time. (property only)
 * - `signaling`: A signaling to use instead of SignalR, such as `new LoopbackHub().connect({ id, name })`. (property only)
 * - `media`: The camera, microphone and screen source; the browser's own without it (`SyntheticMedia` in stories). (property only)
 * - `strings`: Replacement strings for every element inside, over their language's; see `CallStrings` for the keys. (property only)
 * - `controller`: The call controller provided: the one set here, or the one this element created. (property only)
 * - `withCredentials`: For compatibility with `withCredentials` in SignalR's options. (property only) (readonly)
 * 
 * ## Slots
 * 
 * Areas where markup can be added to the component.
 * 
 * - `(default)`: The page content that holds the call elements.
  */
    "thrume-call-provider": Partial<ThrumeCallProviderProps & ThrumeCallProviderSolidJsProps & BaseProps<ThrumeCallProvider> & BaseEvents>;


  /**
     * The ringing call, as an alert dialog: it takes focus (on Accept) while it rings and
 * gives it back after, Escape declines, and a live region announces the caller. The ringtone is made
 * with WebAudio and starts with the first user gesture when the browser blocks sound before one. The
 * dialog goes away by itself when the caller cancels, the ring times out or another device answers.
 * On a phone-sized viewport (at most 600 px wide, or 500 px tall) it is a full-width sheet along the
 * bottom edge, inside the safe areas, with large buttons; elsewhere a card in the top corner.
 * 
 * ## Attributes & Properties
 * 
 * Component attributes and properties that can be applied to the element or by using JavaScript.
 * 
 * - `silent`: Play no ringtone. 
 * - `call`: The call ringing here, or null. (property only) (readonly)
 * - `ringtonePlaying`: Whether the ringtone is wanted now (it may still wait for a user gesture to be heard). (property only) (readonly)
 * - `ringtoneAudible`: Whether the ringtone can be heard now. (property only) (readonly)
 * - `controller`: A call controller to use instead of the one a `<thrume-call-provider>` provides. (property only)
 * - `strings`: Replacement strings, over those of the language of the nearest `lang`; see `CallStrings` for the keys. (property only)
 * 
 * ## Events
 * 
 * Events that will be emitted by the component.
 * 
 * - `thrume-answer`: Accept or Accept with audio only was pressed (`ThrumeAnswerEvent`, `audioOnly`); `preventDefault()` keeps the element from answering.
 * - `thrume-decline`: Decline or Escape was pressed (`ThrumeDeclineEvent`); `preventDefault()` keeps the element from declining.
 * 
 * ## CSS Custom Properties
 * 
 * CSS variables available for styling the component.
 * 
 * - `--thrume-incoming-call-background`: Dialog background. (default: `undefined`)
 * - `--thrume-incoming-call-color`: Dialog text colour. (default: `undefined`)
 * - `--thrume-incoming-call-border-color`: Dialog border colour. (default: `undefined`)
 * - `--thrume-incoming-call-radius`: Dialog corner radius. (default: `undefined`)
 * - `--thrume-incoming-call-shadow`: Dialog shadow. (default: `undefined`)
 * - `--thrume-incoming-call-width`: Dialog width. (default: `undefined`)
 * - `--thrume-incoming-call-position`: `fixed` (default) or `static`, `absolute`... (default: `undefined`)
 * - `--thrume-incoming-call-top`: Distance from the top when positioned. (default: `undefined`)
 * - `--thrume-incoming-call-end`: Distance from the inline end when positioned. (default: `undefined`)
 * - `--thrume-incoming-call-z-index`: Stacking order when positioned. (default: `undefined`)
 * - `--thrume-incoming-call-avatar-size`: Avatar size. (default: `undefined`)
 * - `--thrume-incoming-call-button-height`: Button height in the card (at least 44 px for touch). (default: `undefined`)
 * - `--thrume-incoming-call-sheet-button-height`: Button height in the sheet on a phone. (default: `undefined`)
 * - `--thrume-incoming-call-accept-background`: Accept button colour. (default: `undefined`)
 * - `--thrume-incoming-call-decline-background`: Decline button colour. (default: `undefined`)
 * 
 * ## CSS Parts
 * 
 * Custom selectors for styling elements within the component.
 * 
 * - `base`: The dialog.
 * - `caller`: The caller's avatar, name and call type.
 * - `avatar`: The caller's picture or initials.
 * - `title`: The "Incoming call" heading.
 * - `name`: The caller's name.
 * - `type`: The call type.
 * - `actions`: The buttons.
 * - `button`: Every button.
 * - `accept`: The Accept button.
 * - `accept-audio`: The Accept with audio only button (video calls).
 * - `decline`: The Decline button.
 * - `announcer`: The live region that announces the caller (visually hidden).
  */
    "thrume-incoming-call": Partial<ThrumeIncomingCallProps & ThrumeIncomingCallSolidJsProps & BaseProps<ThrumeIncomingCall> & BaseEvents>;
  }

export type CustomCssProperties = {
  /** Background. */
  "--thrume-active-call-background"?: string | undefined;
  /** Text colour. */
  "--thrume-active-call-color"?: string | undefined;
  /** Border colour. */
  "--thrume-active-call-border-color"?: string | undefined;
  /** Corner radius. */
  "--thrume-active-call-radius"?: string | undefined;
  /** Background behind the video and avatar. */
  "--thrume-active-call-video-background"?: string | undefined;
  /** `object-fit` of the remote video. */
  "--thrume-active-call-video-fit"?: string | undefined;
  /** Aspect ratio of the video area. */
  "--thrume-active-call-aspect-ratio"?: string | undefined;
  /** Minimum height of the video area. */
  "--thrume-active-call-stage-min-height"?: string | undefined;
  /** Maximum height of the video area in place, so the controls stay on the screen. */
  "--thrume-active-call-stage-max-height"?: string | undefined;
  /** Width of the inset video. */
  "--thrume-active-call-local-width"?: string | undefined;
  /** Distance of the inset from the stage's edges. */
  "--thrume-active-call-inset-offset"?: string | undefined;
  /** Avatar size. */
  "--thrume-active-call-avatar-size"?: string | undefined;
  /** Control button size (at least 44 px for touch). */
  "--thrume-active-call-control-size"?: string | undefined;
  /** Space between the control buttons. */
  "--thrume-active-call-control-gap"?: string | undefined;
  /** Stacking order of the call while it covers the viewport. */
  "--thrume-active-call-z-index"?: string | undefined;
  /** Background while it covers the viewport. */
  "--thrume-active-call-overlay-background"?: string | undefined;
  /** Behind the name and status over the video, while it covers the viewport. */
  "--thrume-active-call-overlay-summary-background"?: string | undefined;
  /** Control button background. */
  "--thrume-active-call-control-background"?: string | undefined;
  /** Pressed control button background. */
  "--thrume-active-call-control-pressed-background"?: string | undefined;
  /** Hang-up button colour. */
  "--thrume-active-call-hang-up-background"?: string | undefined;
  /** The ring around whoever is speaking: the other side's video or avatar, this side's video and mute button. */
  "--thrume-active-call-speaking-color"?: string | undefined;
  /** Button background. */
  "--thrume-call-button-background"?: string | undefined;
  /** Button background on hover. */
  "--thrume-call-button-hover-background"?: string | undefined;
  /** Icon and text colour. */
  "--thrume-call-button-color"?: string | undefined;
  /** Button border colour. */
  "--thrume-call-button-border-color"?: string | undefined;
  /** Button corner radius. */
  "--thrume-call-button-radius"?: string | undefined;
  /** Space between the buttons. */
  "--thrume-call-button-gap"?: string | undefined;
  /** Text and icon size. */
  "--thrume-call-button-font-size"?: string | undefined;
  /** Minimum width and height of each button (44 px, the touch minimum). */
  "--thrume-call-button-size"?: string | undefined;
  /** Dialog background. */
  "--thrume-incoming-call-background"?: string | undefined;
  /** Dialog text colour. */
  "--thrume-incoming-call-color"?: string | undefined;
  /** Dialog border colour. */
  "--thrume-incoming-call-border-color"?: string | undefined;
  /** Dialog corner radius. */
  "--thrume-incoming-call-radius"?: string | undefined;
  /** Dialog shadow. */
  "--thrume-incoming-call-shadow"?: string | undefined;
  /** Dialog width. */
  "--thrume-incoming-call-width"?: string | undefined;
  /** `fixed` (default) or `static`, `absolute`... */
  "--thrume-incoming-call-position"?: string | undefined;
  /** Distance from the top when positioned. */
  "--thrume-incoming-call-top"?: string | undefined;
  /** Distance from the inline end when positioned. */
  "--thrume-incoming-call-end"?: string | undefined;
  /** Stacking order when positioned. */
  "--thrume-incoming-call-z-index"?: string | undefined;
  /** Avatar size. */
  "--thrume-incoming-call-avatar-size"?: string | undefined;
  /** Button height in the card (at least 44 px for touch). */
  "--thrume-incoming-call-button-height"?: string | undefined;
  /** Button height in the sheet on a phone. */
  "--thrume-incoming-call-sheet-button-height"?: string | undefined;
  /** Accept button colour. */
  "--thrume-incoming-call-accept-background"?: string | undefined;
  /** Decline button colour. */
  "--thrume-incoming-call-decline-background"?: string | undefined;
}


declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module 'react/jsx-runtime' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module 'react/jsx-dev-runtime' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module '@builder.io/qwik' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module '@stencil/core' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module 'hono/jsx' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module 'react-native' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module "solid-js" {
  namespace JSX {
    interface IntrinsicElements extends CustomElementsSolidJs {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare global {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}
