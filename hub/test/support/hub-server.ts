// The whole hub (SignalR + REST) on 127.0.0.1, port 0, configured as from the environment, with a
// controllable clock and a fake connection helper that drives the call hub directly.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConnectionInfo } from '@thrume/calls-contract/rules';
import { loadConfig } from '../../src/config.ts';
import { startHub, type RunningHub, type StartOptions } from '../../src/server.ts';
import { ids } from './call-harness.ts';

export const testSecret = 'test-secret-with-at-least-32-bytes!!';

export class Clock {
  constructor(public time = Date.parse('2026-01-05T10:00:00.000Z')) {}
  readonly now = (): Date => new Date(this.time);
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestServer {
  readonly hub: RunningHub;
  readonly clock: Clock;
  readonly dataDir: string | null;
  /** A development token from POST /api/auth/dev-token. */
  token(name: keyof typeof ids): Promise<string>;
  get(pathname: string, token?: string | null, headers?: Record<string, string>): Promise<Response>;
  post(pathname: string, body: unknown, token?: string | null): Promise<Response>;
  /** A fake SignalR connection for `name`, registered with the call hub (events go nowhere). */
  connect(name: keyof typeof ids): Promise<ConnectionInfo>;
  invoke(connection: ConnectionInfo, method: string, ...args: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'thrume-hub-test-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

let fakeConnections = 0;

export async function startTestServer(
  env: Record<string, string> = {},
  clock = new Clock(),
  options: StartOptions = {},
): Promise<TestServer> {
  const config = loadConfig({
    THRUME_HUB_PORT: '0',
    THRUME_DATA_DIR: 'memory',
    THRUME_JWT_SECRET: testSecret,
    THRUME_RING_TIMEOUT_MS: '5000',
    THRUME_RECONNECT_GRACE_MS: '5000',
    ...env,
  });
  const hub = await startHub(config, { log: () => {}, observe: () => {}, now: clock.now, ...options });
  const request = (pathname: string, init: RequestInit, token?: string | null) => {
    const headers = new Headers(init.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return fetch(`${hub.url}${pathname}`, { ...init, headers });
  };
  const server: TestServer = {
    hub,
    clock,
    dataDir: config.dataDir,
    async token(name) {
      const res = await request('/api/auth/dev-token', {
        method: 'POST',
        body: JSON.stringify({ userId: ids[name] }),
        headers: { 'Content-Type': 'application/json' },
      });
      if (res.status !== 200) throw new Error(`dev-token for ${name}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    get: (pathname, token, headers) => request(pathname, { method: 'GET', headers: headers ?? {} }, token),
    post: (pathname, body, token) =>
      request(
        pathname,
        {
          method: 'POST',
          body: typeof body === 'string' ? body : JSON.stringify(body),
          headers: { 'Content-Type': 'application/json' },
        },
        token,
      ),
    async connect(name) {
      const connection: ConnectionInfo = {
        connectionId: `fake-${name}-${++fakeConnections}`,
        principal: { userId: ids[name], userName: name },
      };
      await hub.hub.onConnected?.(connection);
      return connection;
    },
    async invoke(connection, method, ...args) {
      const entry = hub.hub.methods[method];
      if (entry === undefined) throw new Error(`no method ${method}`);
      return entry.handler(connection, args);
    },
    close: () => hub.close(),
  };
  return server;
}
