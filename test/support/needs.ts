// Tests that need something a test browser lacks are skipped there, with the reason in their name, so
// every leg runs every file and its report says what did not run where, and why. Use it in place of
// `it` or `describe`:
//
//   import { needs } from '../support/needs.js';
//   needs('peerConnection').it('connects a video call', async () => { … });
//   needs('peerConnection', 'screenCapture').it('shares the screen', async () => { … });
//   needs('peerConnection').describe('calls over the loopback hub', () => { … }); // every test inside
//
// In WebKitGTK the first reads "connects a video call (skipped: this browser has no RTCPeerConnection)".
// `lacks('viewport')` gives the reason (or null) for a check inside a test. A new need is one entry below:
// how to tell it is there, and the reason in words.

const agent = navigator.userAgent;
const firefox = agent.includes('Firefox');
const chromium = agent.includes('Chrome');

const checks = {
  /** WebRTC peer connections; compiled out of Debian's WebKitGTK. */
  peerConnection: [typeof RTCPeerConnection === 'function', 'this browser has no RTCPeerConnection'],
  /** A screen for getDisplayMedia to capture. */
  screenCapture: [!firefox, 'headless Firefox has no screen to capture'],
  /** A getDisplayMedia that wants a click or key press first, as real browsers do. */
  screenGesture: [!chromium, "Chromium's fake screen picker here needs no gesture"],
  /** An audio output, so an AudioContext can run after a gesture. */
  audioOutput: [!firefox, 'headless Firefox has no audio output'],
  /** Safari-style autoplay: audio stays suspended until a gesture, even once the page has had one. */
  autoplayBlock: [!chromium && !firefox, 'this leg allows autoplay (browser flags)'],
  /** RTCPeerConnection.setConfiguration, to give a connection new TURN credentials before an ICE restart. */
  setConfiguration: [
    typeof RTCPeerConnection === 'function' && 'setConfiguration' in RTCPeerConnection.prototype,
    "this browser cannot change a connection's ICE servers",
  ],
  /** Screen Wake Lock that grants a lock; WebKitGTK here has the API and refuses (NotAllowedError). */
  wakeLock: ['wakeLock' in navigator && (chromium || firefox), 'this browser refuses or lacks Screen Wake Lock'],
  /** The Fullscreen API, enabled for the page. */
  fullScreen: [document.fullscreenEnabled, 'this browser allows no full screen here'],
  /** WTR's sendKeys with keys held down together (down and up); WebDriver classic has only press and type. */
  keyChords: [chromium || firefox, 'sendKeys holds no key down over WebDriver classic'],
  /** A picture-in-picture window a test may open: Firefox's keeps the keyboard focus from the test pages after it. */
  pictureInPictureWindow: [
    'requestPictureInPicture' in HTMLVideoElement.prototype && !firefox,
    "Firefox's picture-in-picture window takes the keyboard from later test pages",
  ],
  /** Document Picture-in-Picture, a window the page fills itself (Chromium). */
  documentPictureInPicture: ['documentPictureInPicture' in window, 'this browser has no Document Picture-in-Picture'],
  /** HTMLVideoElement.requestPictureInPicture; WebKitGTK has none. */
  pictureInPicture: ['requestPictureInPicture' in HTMLVideoElement.prototype, 'this browser has no picture-in-picture'],
  /** WTR's emulateMedia (colour scheme, reduced motion): it speaks the Chrome DevTools Protocol. */
  mediaEmulation: [chromium, 'emulateMedia needs the Chrome DevTools Protocol'],
  /** WTR's setViewport: Chromium and Firefox through puppeteer, not WebKit over WebDriver classic. */
  viewport: [chromium || firefox, 'setViewport is not available over WebDriver classic'],
} satisfies Record<string, readonly [boolean, string]>;

export type Need = keyof typeof checks;

/** Why this browser cannot run a test that needs `wanted`, or null when it can. */
export function lacks(...wanted: Need[]): string | null {
  const missing = wanted.filter((need) => !checks[need][0]).map((need) => checks[need][1]);
  return missing.length ? missing.join('; ') : null;
}

type Test = (title: string, fn: (this: Mocha.Context) => void | PromiseLike<unknown>) => Mocha.Test;
type Suite = (title: string, body: (this: Mocha.Suite) => void) => Mocha.Suite | void;

/** `it` and `describe` that run where the browser has what is wanted, and skip with the reason where not. */
export function needs(...wanted: Need[]): { it: Test; describe: Suite } {
  const reason = lacks(...wanted);
  const skipped = (title: string) => `${title} (skipped: ${reason})`;
  return {
    it: (title, fn) => (reason ? it.skip(skipped(title)) : it(title, fn)),
    describe: (title, body) => (reason ? describe.skip(skipped(title), body) : describe(title, body)),
  };
}
