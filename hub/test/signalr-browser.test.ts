// The official client's browser build in headless Chromium, on a page of another origin than the hub:
// CORS preflight with credentials, the token in the `access_token` query of the WebSocket and the event stream, long polling
// over XHR/fetch. Skipped when no Chromium is installed.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHub, type TestHub } from './signalr-harness.ts';

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const bundle = readFileSync(
  createRequire(import.meta.url).resolve('@microsoft/signalr/dist/browser/signalr.min.js'),
  'utf8',
);

interface PageResult {
  readonly echo?: unknown;
  readonly pushed?: unknown[];
  readonly who?: { id: string; user: string };
  readonly connectionId?: string | null;
  readonly error?: string;
}

/** Runs in the page: connect, invoke, receive a push, stop. */
async function exercise(options: { url: string; transport: number }): Promise<PageResult> {
  const signalR = (globalThis as unknown as { signalR: typeof import('@microsoft/signalr') }).signalR;
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(options.url, { accessTokenFactory: () => 'alice', transport: options.transport })
    .configureLogging(signalR.LogLevel.None)
    .build();
  try {
    await connection.start();
  } catch (error) {
    return { error: String((error as Error).message) };
  }
  const pushed = new Promise<unknown[]>((resolve) => connection.on('pushed', (...args: unknown[]) => resolve(args)));
  const echo = await connection.invoke('Echo', { text: 'from the browser' });
  await connection.invoke('Push', 'p');
  const who = await connection.invoke<{ id: string; user: string }>('WhoAmI');
  const result = { echo, pushed: await pushed, who, connectionId: connection.connectionId };
  await connection.stop();
  return result;
}

describe('official client in Chromium, cross-origin', { skip: !existsSync(chromiumPath) && 'no Chromium' }, () => {
  let browser: Browser;
  let page: Page;
  let pages: Server;
  let pageOrigin: string;
  let hub: TestHub;

  before(async () => {
    pages = createServer((request, response) => {
      if (request.url === '/signalr.js') response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
      else
        response
          .writeHead(200, { 'Content-Type': 'text/html' })
          .end('<!doctype html><script src="/signalr.js"></script>');
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    pageOrigin = `http://localhost:${(pages.address() as AddressInfo).port}`;
    hub = await startHub({ isOriginAllowed: (origin) => origin === pageOrigin });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    page = await browser.newPage();
    // tsx compiles `exercise` with esbuild's keepNames, whose `__name` helper the page lacks.
    await page.addInitScript('globalThis.__name = (target) => target;');
    await page.goto(`${pageOrigin}/`);
  });

  after(async () => {
    await browser?.close();
    await hub?.close();
    await new Promise((resolve) => pages?.close(resolve));
  });

  for (const [name, transport] of [
    ['WebSockets', 1],
    ['ServerSentEvents', 2],
    ['LongPolling', 4],
  ] as const) {
    it(`connects over ${name}, invokes and receives pushes`, async () => {
      const before = hub.requests.length;
      const result = await page.evaluate(exercise, { url: hub.url, transport });
      assert.equal(result.error, undefined);
      assert.deepEqual(result.echo, { text: 'from the browser' });
      assert.deepEqual(result.pushed, ['p', 'second']);
      assert.equal(result.who?.user, 'alice');
      assert.equal(result.who?.id, result.connectionId);
      const seen = hub.requests.slice(before).join('\n');
      assert.match(seen, /^OPTIONS \/hub\/negotiate\?negotiateVersion=1$/m, 'a CORS preflight');
      if (name === 'WebSockets') assert.match(seen, /^UPGRADE \/hub\?id=[\w-]+&access_token=alice$/m);
      else if (name === 'ServerSentEvents') assert.match(seen, /^GET \/hub\?id=[\w-]+&access_token=alice$/m);
      else assert.match(seen, /^GET \/hub\?id=[\w-]+&_=\d+$/m);
    });
  }

  it('fails to negotiate from an origin that is not allowed', async () => {
    const other = await startHub({ isOriginAllowed: () => false });
    try {
      const result = await page.evaluate(exercise, { url: other.url, transport: 1 });
      assert.match(result.error ?? '', /Failed to complete negotiation with the server/);
      assert.equal(other.events.length, 0);
    } finally {
      await other.close();
    }
  });
});
