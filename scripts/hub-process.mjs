// Starts the reference hub as a child process on a free loopback port, and stops it by its PID.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Resolves with `{ url, pid, dataDir, stop, kill, output }` once the hub says where it listens.
 * `built`: the compiled server (`npm run build --workspace hub` first), as production runs it, not tsx.
 */
export function startHubProcess(env = {}, { keepData = false, built = false } = {}) {
  const dataDir = env.THRUME_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'thrume-hub-'));
  const entry = built ? ['hub/dist/main.js'] : ['--import', 'tsx', 'hub/src/main.ts'];
  const child = spawn(process.execPath, entry, {
    cwd: root, // from the hub's own tests too
    env: { ...process.env, THRUME_HUB_PORT: '0', THRUME_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  /** Sends `signal` unless the hub has already exited; resolves once it has. */
  const signal = (name) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    return exited;
  };
  const stop = () =>
    signal('SIGTERM').then(() => {
      if (!keepData && !env.THRUME_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    });
  /** As a crash: SIGKILL, nothing written on the way out. */
  const kill = () => signal('SIGKILL');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The hub did not start in 20 s:\n${log}`)), 20_000);
    child.stderr.on('data', (chunk) => (log += chunk));
    child.stdout.on('data', (chunk) => {
      log += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], pid: child.pid, dataDir, stop, kill, output: () => log });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The hub exited with code ${code}:\n${log}`));
    });
  });
}
