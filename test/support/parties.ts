// Parties to a call: real controllers, each with its own signaling, real media and real peer connections.
import { expect } from '@open-wc/testing';
import { CallController, type CallControllerOptions } from '../../src/services/call-controller.js';
import { LoopbackHub } from '../../src/services/signaling/loopback.js';
import { SignalRSignaling } from '../../src/services/signaling/signalr-signaling.js';
import type { CallState, CallType } from '../../src/services/call-state.js';
import type { Signaling } from '../../src/services/signaling/signaling.js';
import { openPeerConnections, RecordingMedia } from './recorders.js';
import { conversationOf, user } from './directory.js';

export type HubMode = 'extended' | 'baseline';

export interface Party {
  readonly name: string;
  readonly id: string;
  readonly controller: CallController;
  readonly media: RecordingMedia;
  readonly signaling: Signaling;
}

/** Controller options for one party, over the tests' own (no STUN servers, quality four times a second). */
export type PartyOptions = Partial<Omit<CallControllerOptions, 'signaling' | 'media'>>;

/** Makes connected parties from demo users; `close()` disposes them all. */
export interface Parties {
  readonly mode: HubMode;
  party(userName: string, options?: PartyOptions): Promise<Party>;
  close(): Promise<void>;
}

export function loopbackParties(
  mode: HubMode,
  hubOptions: { ringTimeoutMs?: number; reconnectGraceMs?: number } = {},
  latencyMs = 0,
): Parties {
  const hub = new LoopbackHub({ mode, latencyMs, ...hubOptions });
  return partiesOver(mode, (who) => hub.connect({ id: who.id, name: who.userName, displayName: who.displayName }));
}

/**
 * How a party reaches the hub through a proxy that lets no WebSocket through
 * (scripts/no-websocket-proxy.mjs): it refuses the upgrade, or also leaves WebSockets out of
 * negotiate, or server-sent events too (long polling is left), or redirects negotiate to the hub
 * itself as Azure SignalR Service does.
 */
export type ProxyRoute = 'refuse' | 'unoffered' | 'polling' | 'redirect';

/** Parties signed in to the real reference hub (started by the test runner) through the SignalR client. */
export function hubParties(mode: HubMode, route?: ProxyRoute): Parties {
  return partiesOver(mode, async (who) =>
    signedInAt(route ? `${await hubUrl('noWebSocketProxy')}/${route}` : await hubUrl(mode), who.id),
  );
}

/** SignalR signaling to the reference hub at `url`, signed in as `userId` by a development token. */
async function signedInAt(url: string, userId: string): Promise<SignalRSignaling> {
  const accessToken = await devToken(url, userId);
  return new SignalRSignaling({
    url: `${url}/chathub`,
    accessTokenFactory: () => accessToken,
    reconnectDelaysMs: [0, 500, 1000],
  });
}

/**
 * Parties on the two nodes of one cluster of the reference hub (extended, on one Redis), each party on
 * the other node than the last: a call's caller and callee are on different nodes.
 */
export function clusterParties(): Parties {
  let made = 0;
  return partiesOver('extended', async (who) =>
    signedInAt(await hubUrl(made++ % 2 === 0 ? 'clusterA' : 'clusterB'), who.id),
  );
}

type HubName = HubMode | 'noWebSocketProxy' | 'clusterA' | 'clusterB';
let hubUrls: Promise<Record<HubName, { url: string }>> | undefined;

/** Where the test runner's hub for `mode` listens, a cluster node, or the proxy that lets no WebSocket through. */
export async function hubUrl(which: HubName): Promise<string> {
  hubUrls ??= fetch('/__thrume/hubs.json').then((r) => r.json());
  return (await hubUrls)[which].url;
}

/** Where the aspnet leg's ASP.NET app (interop/aspnet) and its proxy that lets no WebSocket through listen. */
export interface AspnetApp {
  readonly port: number;
  readonly proxyPort: number;
}

let aspnetPorts: Promise<AspnetApp> | undefined;

export function aspnetApp(): Promise<AspnetApp> {
  // A restart of the app (executeServerCommand('aspnet-restart')) keeps its port.
  aspnetPorts ??= fetch('/__thrume/aspnet.json').then((r) => r.json() as Promise<AspnetApp>);
  return aspnetPorts;
}

/**
 * A person's own origin for the ASP.NET app: `http://alice.thrume.localhost:<port>`. Browsers resolve
 * `*.localhost` to loopback and treat it as secure, so the app's Secure cookie is kept; each person's
 * host keeps its own cookie, as separate browsers would; and the test page, at kit.thrume.localhost,
 * is on the same site, so the cookie is not a third-party one (which Chromium blocks).
 */
export const originOf = (userName: string, port: number) => `http://${userName}.thrume.localhost:${port}`;

/** The demo password of every directory user on the ASP.NET app (interop/aspnet/README.md). */
export const demoPassword = 'thrume-demo';

/** Signs in by cookie as Thrume does (Identity's `/api/auth/login?useCookies=true`), from `origin`. */
export async function signIn(origin: string, userName: string, password = demoPassword): Promise<Response> {
  return fetch(`${origin}/api/auth/login?useCookies=true`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${userName}@thrume.test`, password }),
  });
}

/**
 * Parties signed in by cookie to Microsoft's SignalR server (the ASP.NET app): no token, `withCredentials`,
 * as Thrume's own client connects. With `route`, through the proxy that lets no WebSocket through.
 */
export function aspnetParties(route?: ProxyRoute): Parties {
  return partiesOver('baseline', async (who) => {
    const app = await aspnetApp();
    const signedIn = await signIn(originOf(who.userName, app.port), who.userName);
    if (!signedIn.ok) throw new Error(`Sign-in as ${who.userName}: HTTP ${signedIn.status}`);
    const hub = route ? `${originOf(who.userName, app.proxyPort)}/${route}` : originOf(who.userName, app.port);
    // Long enough to outlast a restart of the app (test/aspnet/sign-in.test.ts).
    const reconnectDelaysMs = [0, 500, 1000, 2000, 4000];
    return new SignalRSignaling({ url: `${hub}/chathub`, withCredentials: true, reconnectDelaysMs });
  });
}

/** A development token for a directory user, from the hub (or proxy) at `url`. */
export async function devToken(url: string, userId: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok) throw new Error(`dev-token for ${userId}: HTTP ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

function partiesOver(
  mode: HubMode,
  signalingFor: (who: ReturnType<typeof user>) => Signaling | Promise<Signaling>,
): Parties {
  const made: Party[] = [];
  return {
    mode,
    async party(userName, options = {}) {
      const who = user(userName);
      const signaling = await signalingFor(who);
      const media = new RecordingMedia();
      const controller = new CallController({ signaling, media, iceServers: [], qualityIntervalMs: 250, ...options });
      await controller.connect();
      const party = { name: userName, id: who.id, controller, media, signaling };
      made.push(party);
      return party;
    },
    async close() {
      await Promise.all(made.splice(0).map((p) => p.controller.dispose()));
    },
  };
}

/** Resolves when the controller's state satisfies `predicate`; rejects with the last state after `timeoutMs`. */
export function until(
  controller: CallController,
  predicate: (state: CallState) => boolean,
  timeoutMs = 10_000,
): Promise<CallState> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!predicate(controller.state)) return false;
      controller.removeEventListener('change', check);
      clearTimeout(timer);
      resolve(controller.state);
      return true;
    };
    const timer = setTimeout(() => {
      controller.removeEventListener('change', check);
      const { status, activeCall, incomingCall, error } = controller.state;
      reject(
        new Error(`Timed out; state: ${JSON.stringify({ status, activeCall, incomingCall, error: error?.message })}`),
      );
    }, timeoutMs);
    if (!check()) controller.addEventListener('change', check);
  });
}

/** Resolves when `count` new video frames of `stream` have been decoded and rendered; returns the frame size. */
export async function framesOf(
  stream: MediaStream,
  count = 5,
  timeoutMs = 10_000,
): Promise<{ width: number; height: number }> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  document.body.append(video);
  let seen = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Only ${seen} of ${count} frames in ${timeoutMs} ms`)), timeoutMs);
  });
  const frames = new Promise<{ width: number; height: number }>((resolve) => {
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      if (++seen >= count) resolve({ width: meta.width, height: meta.height });
      else video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
  try {
    await Promise.race([video.play(), timeout]);
    return await Promise.race([frames, timeout]);
  } finally {
    clearTimeout(timer);
    video.srcObject = null;
    video.remove();
  }
}

export const isActive = (s: { status: string }) => s.status === 'active';
export const isEnded = (s: { status: string }) => s.status === 'ended';

/** Calls from `caller` to `callee` and answers, resolving once both sides are active. */
export async function connectCall(caller: Party, callee: Party, type: CallType = 'video'): Promise<void> {
  await caller.controller.initiateCall(callee.id, type, {
    calleeName: callee.name,
    conversationId: conversationOf(caller.id, callee.id),
  });
  await until(callee.controller, (s) => s.status === 'incoming');
  await callee.controller.acceptCall();
  await Promise.all([until(caller.controller, isActive), until(callee.controller, isActive)]);
}

/** Asserts the exit left nothing behind: every local track ended, every peer connection closed. */
export function expectReleased(...parties: Party[]): void {
  for (const p of parties) {
    expect(
      p.media.liveTracks.map((t) => `${p.name}: ${t.kind} ${t.label}`),
      'live local tracks',
    ).to.deep.equal([]);
    expect(p.controller.state.localStream, `${p.name} local stream`).to.equal(null);
  }
  expect(openPeerConnections().length, 'open peer connections').to.equal(0);
}
