// The end-to-end stack: a real hub process, the demo pages, and Debian's Chromium with fake devices,
// one browser context per signed-in person.
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallController } from '../../src/services/call-controller.js';
import { startHubProcess } from '../../scripts/hub-process.mjs';
import { startAspnetApp } from '../../scripts/aspnet-app.mjs';
import { serveDemo } from '../../scripts/demo-server.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/browser-flags.mjs';
import directory from '../../hub/fixtures/demo-directory.json' with { type: 'json' };

export type HubMode = 'extended' | 'baseline';
/** Where the pages call through: the reference hub in a mode, or Microsoft's server hosting Thrume's ChatHub. */
export type StackTarget = HubMode | 'aspnet';
/** What scripts/hub-process.mjs resolves with (a JS module, so its types are spelled out here). */
interface HubProcess {
  url: string;
  pid: number | undefined;
  dataDir: string;
  stop(): Promise<void>;
  output(): string;
}
const startHub = startHubProcess as (
  env: Record<string, string>,
  options: { keepData: boolean },
) => Promise<HubProcess>;

/** The demo's <thrume-call-provider> as the tests reach into it inside `page.evaluate` (types only). */
export interface ProviderElement extends HTMLElement {
  readonly controller: CallController;
}

export const users = Object.fromEntries(directory.users.map((u) => [u.userName, u])) as Record<
  string,
  (typeof directory.users)[number]
>;

export function conversationOf(a: string, b: string): string {
  const [x, y] = [users[a].id, users[b].id];
  return directory.conversations.find((c) => c.participantIds.includes(x) && c.participantIds.includes(y))?.id ?? '';
}

export interface Stack {
  readonly mode: HubMode;
  hub: HubProcess;
  /**
   * Opens the demo signed in as `userName`, in a conversation with `withUser` when given; `page` is another
   * demo page (e.g. `bare.html`), `device` the browser context's viewport, touch and mobile emulation.
   */
  open(userName: string, withUser?: string, options?: OpenOptions): Promise<Page>;
  /** Stops the hub and starts it again on the same port and data directory. */
  restartHub(): Promise<void>;
  token(userName: string): Promise<string>;
  /** Closes every page opened so far (for afterEach: a failed test leaves no call behind). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  page?: string;
  device?: BrowserContextOptions;
}

let browser: Browser | undefined;

/**
 * The targets the calls run against: THRUME_E2E_TARGETS (comma-separated), else the reference hub in both
 * modes. The aspnet leg sets `aspnet`.
 */
export function stackTargets(): StackTarget[] {
  return (process.env.THRUME_E2E_TARGETS?.split(',') as StackTarget[] | undefined) ?? ['extended', 'baseline'];
}

export async function startStack(target: StackTarget, env: Record<string, string> = {}): Promise<Stack> {
  const mode: HubMode = target === 'aspnet' ? 'baseline' : target;
  const hubs = target === 'aspnet' ? aspnetHubs() : referenceHubs(mode, env);
  let hub = await hubs.start();
  const pages = await serveDemo(hub.url, 0, { auth: target === 'aspnet' ? 'cookie' : 'token' });
  browser ??= await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, `--use-file-for-fake-video-capture=${fakeCameraFile()}`],
    headless: true,
  });
  const contexts: Awaited<ReturnType<Browser['newContext']>>[] = [];
  return {
    mode,
    get hub() {
      return hub;
    },
    async open(userName, withUser, { page: path = '', device } = {}) {
      const context = await browser!.newContext(device);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[${userName}] page error:`, error.message));
      const conversation = withUser ? `&conversation=${conversationOf(userName, withUser)}` : '';
      await page.goto(`${pages.url}${path}?user=${userName}${conversation}`);
      await waitForState(page, (s) => s.signaling === 'connected');
      return page;
    },
    async restartHub() {
      await hub.stop();
      hub = await hubs.start(hub);
    },
    async token(userName) {
      if (target === 'aspnet') throw new Error('The ASP.NET app signs in by cookie: it gives no tokens');
      const response = await fetch(`${hub.url}/api/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: users[userName].id }),
      });
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    async closePages() {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close()));
      await Promise.all([pages.close(), hub.stop()]);
      if (hub.dataDir) rmSync(hub.dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts the hub, or starts it again where `earlier` ran (same port, same data), keeping who is signed in. */
interface Hubs {
  start(earlier?: HubProcess): Promise<HubProcess>;
}

function referenceHubs(mode: HubMode, env: Record<string, string>): Hubs {
  // A fixed signing key, as a deployment's token issuer has: the pages' tokens stay valid across restartHub().
  const hubEnv = {
    THRUME_HUB_MODE: mode,
    THRUME_CALL_RATE_PER_MINUTE: '1000',
    THRUME_JWT_SECRET: 'e2e-signing-key-of-at-least-32-bytes',
    ...env,
  };
  return {
    start: (earlier) =>
      startHub(
        earlier ? { ...hubEnv, THRUME_HUB_PORT: new URL(earlier.url).port, THRUME_DATA_DIR: earlier.dataDir } : hubEnv,
        { keepData: true },
      ),
  };
}

/** The ASP.NET app keeps its cookie keys across restarts in this process, so the pages stay signed in. */
function aspnetHubs(): Hubs {
  const startApp = startAspnetApp as (options?: { port?: number }) => Promise<HubProcess & { port: number }>;
  return {
    start: async (earlier) => {
      const app = await startApp(earlier ? { port: Number(new URL(earlier.url).port) } : {});
      return { ...app, dataDir: '' };
    },
  };
}

/**
 * The fake camera is 4:3 and the fake screen 16:9 (1280x720), so a test tells them apart at whatever size
 * the sender's encoder scales them to under load.
 */
const fakeCamera = { width: 640, height: 480 };
const aspectOf = { camera: fakeCamera.width / fakeCamera.height, screen: 16 / 9 };

/** Writes a short Y4M clip (a moving gradient) for Chromium's fake camera, and returns its path. */
function fakeCameraFile(): string {
  const [width, height, frames] = [fakeCamera.width, fakeCamera.height, 30];
  const chunks = [Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < frames; f++) {
    const luma = Buffer.alloc(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) luma[y * width + x] = (x + y + f * 8) & 0xff;
    chunks.push(Buffer.from('FRAME\n'), luma, Buffer.alloc((width * height) / 2, 128));
  }
  const path = join(tmpdir(), `thrume-fake-camera-${width}x${height}.y4m`);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/** The page's call state, read from the provider's controller. */
export interface PageState {
  status: string;
  signaling: string;
  endReason: string | null;
  error: string | null;
  errorCode: string | null;
  remoteControls: { muted: boolean; cameraOn: boolean; screenSharing: boolean };
  historyReasons: (string | undefined)[];
  liveLocalTracks: number;
}

export async function stateOf(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const s = document.querySelector<ProviderElement>('thrume-call-provider')!.controller.state;
    return {
      status: s.status,
      signaling: s.signaling,
      endReason: s.activeCall?.endReason ?? null,
      error: s.error?.message ?? null,
      errorCode: s.error?.code ?? null,
      remoteControls: s.remoteControls,
      historyReasons: s.callHistory.map((c) => c.endReason),
      liveLocalTracks: s.localStream?.getTracks().filter((t) => t.readyState === 'live').length ?? 0,
    };
  });
}

/** Polls the page's call state until `test` holds; fails with the last state seen. */
export async function waitForState(
  page: Page,
  test: (s: PageState) => boolean,
  timeoutMs = 15_000,
): Promise<PageState> {
  const deadline = Date.now() + timeoutMs;
  let last: PageState | null = null;
  while (Date.now() < deadline) {
    last = await stateOf(page).catch(() => null);
    if (last && test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting; last state: ${JSON.stringify(last)}`);
}

/** Waits until the active call's remote video shows frames of the other side's camera, or of its screen. */
export async function remoteVideoShows(page: Page, source: keyof typeof aspectOf): Promise<void> {
  const deadline = Date.now() + 15_000;
  let size = [0, 0];
  while (Date.now() < deadline) {
    size = await page.evaluate(() => {
      const call = document.querySelector('thrume-active-call')!;
      const video = call.shadowRoot!.querySelector<HTMLVideoElement>('[part~="remote-video"]');
      return video && video.currentTime > 0 ? [video.videoWidth, video.videoHeight] : [0, 0];
    });
    const [width, height] = size as [number, number];
    if (height && Math.abs(width / height - aspectOf[source]) < 0.05) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`The remote video never showed the ${source} (last frame ${size.join('x')})`);
}
