// The entry point as `npm run hub` runs it: one line with the URL, a clean exit on SIGTERM, and a
// clear message with exit code 2 for bad configuration.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { removeDir, tempDataDir } from './support/hub-server.ts';

const hubDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: hubDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return { child, out: () => stdout, err: () => stderr };
}

describe('main.ts', () => {
  it('prints the URL when listening and exits 0 on SIGTERM', async () => {
    const dataDir = tempDataDir();
    const { child, out } = run({ THRUME_HUB_PORT: '0', THRUME_DATA_DIR: dataDir, THRUME_HUB_MODE: 'baseline' });
    try {
      const deadline = Date.now() + 15_000;
      while (!/listening on http:\/\/127\.0\.0\.1:\d+/.test(out())) {
        assert.ok(Date.now() < deadline && child.exitCode === null, `no listening line: ${out()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out())![1]!;
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

  it('refuses a bad configuration with the variable named and exit code 2', async () => {
    const { child, err } = run({ THRUME_HUB_PORT: 'abc' });
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
    assert.match(err(), /Configuration error: THRUME_HUB_PORT must be a whole number/);
  });
});
