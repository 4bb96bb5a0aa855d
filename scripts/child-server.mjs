// What scripts/redis-process.mjs and scripts/postgres-process.mjs share to run a database server as a child
// of this Node process (so that we own its PID) on a loopback port: spawning it with its output kept,
// starting it on a free port and waiting until it answers, stopping it within a time limit, and killing
// what is still running when this Node process exits, so that no server outlives the tests that started it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export const host = '127.0.0.1';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns a server, handing everything it prints (and a spawn error) to `onOutput`. Returns
 * `{ child, exited, alive }`: `exited` resolves once it has exited (or could not start).
 */
export function launch(command, args, options, onOutput) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => onOutput(String(chunk)));
  const exited = new Promise((resolve) => {
    child.once('exit', resolve);
    child.once('error', (error) => resolve(onOutput(`${error.message}\n`)));
  });
  const alive = () => child.pid !== undefined && child.exitCode === null && child.signalCode === null;
  return { child, exited, alive };
}

const sigkill = (server) => {
  process.kill(server.child.pid, 'SIGKILL');
  return server.exited;
};

/**
 * Starts a server with `launch(port)` on `fixedPort`, or on a free port, and polls `ready(port, server)`
 * every 50 ms; resolves with `{ port, server }` once it holds. A free port is picked and let go, so another
 * program may take it first: when the server exits printing `taken`, it tries another port (3 in all).
 * Rejects, with `output()` (everything the server printed), when the server exits otherwise, or when it is
 * not ready within `within` ms: then it is killed first, by `server.kill()` if it has one, else SIGKILL.
 */
export async function startOnPort({ name, fixedPort, launch, ready, readiness, within, taken, output }) {
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await freePort());
    const logStart = output().length;
    const server = launch(port);
    const deadline = Date.now() + within;
    for (;;) {
      const answered = await ready(port, server);
      if (!server.alive()) break;
      if (answered) return { port, server };
      if (Date.now() > deadline) {
        await (server.kill ? server.kill() : sigkill(server));
        throw new Error(`${name} did not ${readiness} in ${within / 1000} s:\n${output()}`);
      }
      await sleep(50);
    }
    await server.exited;
    if (fixedPort === undefined && attempt < 3 && taken.test(output().slice(logStart))) continue;
    const { exitCode, signalCode } = server.child;
    throw new Error(`${name} exited with ${exitCode ?? signalCode ?? 'an error'}:\n${output()}`);
  }
}

/**
 * Sends `signal` unless the server has exited, and resolves once it has; if it is still running after
 * 10 s, `force()` (SIGKILL by default) ends it, so that a stuck shutdown cannot hang the caller.
 */
export async function stopWithin(server, signal, force = () => sigkill(server)) {
  const { child, exited, alive } = server;
  if (!alive()) return;
  process.kill(child.pid, signal);
  const timer = setTimeout(() => alive() && force(), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Cleanups still due. An 'exit' listener cannot wait, so each one must work synchronously. */
const due = new Set();
let exitHook = false;

/** Runs `cleanup` when this Node process exits, unless the function returned is called first. */
export function atExit(cleanup) {
  due.add(cleanup);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const each of due) each();
    });
  }
  return () => due.delete(cleanup);
}

/** For a script run directly: stops `server` on Ctrl-C (or SIGTERM), then exits. */
export function stopOnSignal(server) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.stop().then(() => process.exit(0)));
}
