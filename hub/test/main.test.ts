// The entry point as `npm run hub` runs it: one line with the URL, a clean exit on SIGTERM, and a
// clear message with exit code 2 for bad configuration.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { ids } from './support/call-harness.ts';
import { removeDir, tempDataDir } from './support/hub-server.ts';

const hubDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(env: Record<string, string>, entry = ['--import', 'tsx', 'src/main.ts']) {
  const child = spawn(process.execPath, entry, {
    cwd: hubDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const out = () => stdout;
  const err = () => stderr;
  /** The URL of the "listening on" line, once the hub has printed it (15 s at most). */
  const listening = async (): Promise<string> => {
    const deadline = Date.now() + 15_000;
    while (!/listening on http:\/\/127\.0\.0\.1:\d+/.test(stdout)) {
      assert.ok(Date.now() < deadline && child.exitCode === null, `no listening line: ${stdout}${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1];
  };
  return { child, out, err, listening };
}

describe('main.ts', () => {
  it('prints the URL when listening and exits 0 on SIGTERM', async () => {
    const dataDir = tempDataDir();
    const { child, out, listening } = run({
      THRUME_HUB_PORT: '0',
      THRUME_DATA_DIR: dataDir,
      THRUME_HUB_MODE: 'baseline',
    });
    try {
      const url = await listening();
      assert.match(out(), /baseline mode/);
      const info = (await (await fetch(url)).json()) as { mode: string; hub: string };
      assert.deepEqual([info.mode, info.hub], ['baseline', '/chathub']);
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      assert.equal(code, 0);
      assert.equal(out().trim().split('\n').length, 1, 'one line on stdout');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      removeDir(dataDir);
    }
  });

  it('exits 1 with an error line when a graceful shutdown outlasts THRUME_SHUTDOWN_TIMEOUT_MS', async () => {
    const { child, err, listening } = run({
      THRUME_HUB_PORT: '0',
      THRUME_DATA_DIR: 'memory',
      THRUME_SHUTDOWN_TIMEOUT_MS: '300',
    });
    let socket: WebSocket | undefined;
    try {
      const url = await listening();
      const minted = await fetch(`${url}/api/auth/dev-token`, {
        method: 'POST',
        body: JSON.stringify({ userId: ids.alice }),
      });
      const { accessToken } = (await minted.json()) as { accessToken: string };
      // A client that never answers the hub's Close: shutdown waits for it (the 5 s WebSocket close timeout).
      socket = new WebSocket(`${url.replace('http', 'ws')}/chathub`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      await once(socket, 'open');
      socket.send('{"protocol":"json","version":1}\u001e');
      await once(socket, 'message'); // the handshake's answer
      socket.pause();

      const signalled = Date.now();
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      assert.equal(code, 1);
      assert.ok(Date.now() - signalled < 3_000, `exited ${Date.now() - signalled} ms after SIGTERM`);
      const line = err()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.event === 'error');
      assert.equal(line?.level, 50);
      assert.match(String(line?.msg), /shutdown did not finish within 300 ms \(THRUME_SHUTDOWN_TIMEOUT_MS\)/);
    } finally {
      socket?.terminate();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses a bad configuration with the variable named and exit code 2', async () => {
    const { child, err } = run({ THRUME_HUB_PORT: 'abc' });
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
    assert.match(err(), /Configuration error: THRUME_HUB_PORT must be a whole number/);
  });

  it('runs in production from the built JavaScript with plain node: JSON logs, health, metrics, no dev tokens', async () => {
    const build = spawn('npm', ['run', 'build'], { cwd: hubDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let buildOutput = '';
    for (const stream of [build.stdout, build.stderr]) stream.on('data', (chunk) => (buildOutput += chunk));
    assert.equal((await once(build, 'exit'))[0], 0, `npm run build failed:\n${buildOutput}`);
    const dataDir = tempDataDir();
    const { child, out, err, listening } = run(
      {
        THRUME_HUB_ENV: 'production',
        THRUME_HUB_PORT: '0',
        THRUME_DATA_DIR: dataDir,
        THRUME_JWT_SECRET: 'production-secret-of-at-least-32-bytes',
        THRUME_ALLOWED_ORIGINS: 'https://app.example.org',
        THRUME_DIRECTORY: path.join(hubDir, 'fixtures', 'demo-directory.json'),
      },
      ['dist/main.js'],
    );
    try {
      const url = await listening();
      assert.match(out(), /production, extended mode/);
      assert.equal((await fetch(`${url}/health`)).status, 200);
      assert.equal((await fetch(`${url}/ready`)).status, 200);
      assert.match(await (await fetch(`${url}/metrics`)).text(), /^thrume_call_setups_total 0$/m);
      assert.equal(
        (await fetch(`${url}/api/auth/dev-token`, { method: 'POST', body: '{}' })).status,
        404,
        'no dev tokens in production',
      );
      child.kill('SIGTERM');
      assert.equal((await once(child, 'exit'))[0], 0);
      for (const line of err()
        .trim()
        .split('\n')
        .filter((l) => l !== ''))
        JSON.parse(line); // every log line is JSON
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      removeDir(dataDir);
    }
  });

  it('refuses to start in production without a token-signing key, or with every origin allowed', async () => {
    for (const [env, message] of [
      [{ THRUME_HUB_ENV: 'production' }, /THRUME_JWT_SECRET is required/],
      [
        { THRUME_HUB_ENV: 'production', THRUME_JWT_SECRET: 'x'.repeat(32), THRUME_ALLOWED_ORIGINS: '*' },
        /THRUME_ALLOWED_ORIGINS=\* lets any site/,
      ],
    ] as const) {
      const { child, err } = run(env);
      assert.equal((await once(child, 'exit'))[0], 2);
      assert.match(err(), message);
    }
  });
});
