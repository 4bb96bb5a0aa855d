// Starts Debian's redis-server in the foreground (not daemonized, so that we own its PID) on a free
// loopback port with a fresh folder, for the hub's tests (Redis restarts among their faults), and stops
// it by its PID. Run directly (node scripts/redis-process.mjs) it starts one and prints its URL until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const host = '127.0.0.1';

function findServer() {
  if (existsSync('/usr/bin/redis-server')) return '/usr/bin/redis-server';
  if (!spawnSync('redis-server', ['--version']).error) return 'redis-server';
  throw new Error(
    'redis-server is not installed: run `sudo apt-get install redis-server` (scripts/setup.sh installs it when run as root)',
  );
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether the server with this PID answers PING on `port` with +PONG (not -LOADING: an AOF being
 * reloaded is not ready). INFO's process_id tells ours from another server holding the port, which
 * answers while ours, unable to bind, has not exited yet.
 */
const pong = (port, pid) =>
  new Promise((resolve) => {
    let reply = '';
    const socket = connect(port, host);
    const done = (answered) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => socket.write('PING\r\nINFO server\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk;
      const id = /process_id:(\d+)\r\n/.exec(reply);
      if (id) done(reply.startsWith('+PONG\r\n') && Number(id[1]) === pid);
      else if (!reply.startsWith('+') && reply.includes('\r\n')) done(false);
    });
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });

/** Servers not stopped yet (killed ones included): killed when this Node process exits, folders removed. */
const running = new Set();
let exitHook = false;
function killAtExit(entry) {
  running.add(entry);
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const { current, dataDir, keepData } of running) {
      try {
        if (current.alive()) process.kill(current.child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

/**
 * Resolves with `{ url, port, pid, dataDir, stop, kill, restart, output }` once the server answers
 * PING at `redis://127.0.0.1:<port>` (no password: protected mode still refuses other addresses).
 * - `port`: listen there rather than on a free port.
 * - `dataDir`: keep the server's files there (an AOF in it is reloaded), else in a new temporary folder.
 * - `appendOnly`: write an AOF, fsynced every second, so that a restart after `kill()` finds the data.
 * - `keepData`: `stop()` leaves the folder in place; it is removed otherwise.
 * `stop()` is a shutdown (SIGTERM; SIGKILL after 10 s); `kill()` SIGKILLs it, like a crash, and keeps the
 * folder; `restart()` starts a new server on the same port and folder (stopping the old one if it still
 * runs) and updates `pid`. All resolve once the server has exited, or answers PING again.
 * @param {{ port?: number, dataDir?: string, appendOnly?: boolean, keepData?: boolean }} [options]
 */
export async function startRedis({ port, dataDir, appendOnly = false, keepData = false } = {}) {
  const bin = findServer();
  const made = !dataDir;
  if (made) dataDir = mkdtempSync(join(tmpdir(), 'thrume-redis-'));
  else mkdirSync(dataDir, { recursive: true });
  let log = '';
  const entry = { current: undefined, dataDir, keepData };

  const launch = (listenPort) => {
    const child = spawn(
      bin,
      [
        ...['--port', String(listenPort), '--bind', host, '--protected-mode', 'yes'],
        ...['--dir', dataDir, '--save', ''], // no RDB snapshots: only the AOF, if any, outlives a server
        ...['--appendonly', appendOnly ? 'yes' : 'no', ...(appendOnly ? ['--appendfsync', 'everysec'] : [])],
        ...['--daemonize', 'no', '--logfile', ''], // in the foreground, logging to stdout: output()
      ],
      { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (log += chunk));
    const exited = new Promise((resolve) => {
      child.once('exit', resolve);
      child.once('error', (error) => resolve((log += `${error.message}\n`)));
    });
    const alive = () => child.pid !== undefined && child.exitCode === null && child.signalCode === null;
    entry.current = { child, exited, alive };
    killAtExit(entry);
    return entry.current;
  };

  /** Starts one on `fixedPort`, or on a free port: picked and let go, so another program may take it first. */
  const start = async (fixedPort) => {
    for (let attempt = 1; ; attempt++) {
      const listenPort = fixedPort ?? (await freePort());
      const logStart = log.length;
      const server = launch(listenPort);
      const deadline = Date.now() + 10_000;
      for (;;) {
        const answered = await pong(listenPort, server.child.pid);
        if (!server.alive()) break;
        if (answered) return listenPort;
        if (Date.now() > deadline) {
          process.kill(server.child.pid, 'SIGKILL');
          await server.exited;
          throw new Error(`redis-server did not answer PING in 10 s:\n${log}`);
        }
        await sleep(50);
      }
      await server.exited;
      if (fixedPort === undefined && attempt < 3 && /address already in use/i.test(log.slice(logStart))) continue;
      throw new Error(
        `redis-server exited with ${server.child.exitCode ?? server.child.signalCode ?? 'an error'}:\n${log}`,
      );
    }
  };

  /** Sends `signal` unless the server has exited; resolves once it has (SIGKILLed after 10 s at most). */
  const end = async (signal) => {
    const { child, exited, alive } = entry.current;
    if (!alive()) return;
    process.kill(child.pid, signal);
    const timer = setTimeout(() => alive() && process.kill(child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    port = await start(port);
  } catch (error) {
    running.delete(entry);
    if (made && !keepData) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const server = {
    url: `redis://${host}:${port}`,
    port,
    pid: entry.current.child.pid,
    dataDir,
    stop: async () => {
      await end('SIGTERM'); // a shutdown: the AOF is written out first
      running.delete(entry);
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => end('SIGKILL'),
    restart: async () => {
      await end('SIGTERM');
      mkdirSync(dataDir, { recursive: true }); // after stop() too
      await start(port);
      server.pid = entry.current.child.pid;
    },
    output: () => log,
  };
  return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startRedis();
  console.log(`Redis listening on ${server.url} (data in ${server.dataDir}); Ctrl-C stops it`);
  process.once('SIGINT', () => server.stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => server.stop().then(() => process.exit(0)));
}
