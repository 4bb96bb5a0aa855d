// Starts Debian's redis-server in the foreground (not daemonized, so that we own its PID) on a free
// loopback port with a fresh folder, for the hub's tests (Redis restarts among their faults), and stops
// it by its PID. Run directly (node scripts/redis-process.mjs) it starts one and prints its URL until Ctrl-C.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { atExit, host, launch, startOnPort, stopOnSignal, stopWithin } from './child-server.mjs';

function findServer() {
  if (existsSync('/usr/bin/redis-server')) return '/usr/bin/redis-server';
  if (!spawnSync('redis-server', ['--version']).error) return 'redis-server';
  throw new Error(
    'redis-server is not installed: run `sudo apt-get install redis-server` (scripts/setup.sh installs it when run as root)',
  );
}

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
 * @returns {Promise<{ url: string, port: number, pid: number, dataDir: string, stop: () => Promise<void>,
 *   kill: () => Promise<void>, restart: () => Promise<void>, output: () => string }>}
 */
export async function startRedis({ port, dataDir, appendOnly = false, keepData = false } = {}) {
  const bin = findServer();
  const made = !dataDir;
  if (made) dataDir = mkdtempSync(join(tmpdir(), 'thrume-redis-'));
  else mkdirSync(dataDir, { recursive: true });
  let log = '';
  let current; // the server process now: restart() starts another
  // Until stop(), killed when this Node process exits (even after kill(): a restart may follow), folder removed.
  const cleanUp = () => {
    try {
      if (current?.alive()) process.kill(current.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    if (!keepData) rmSync(dataDir, { recursive: true, force: true });
  };
  let forget = () => {};

  const launchOn = (listenPort) => {
    current = launch(
      bin,
      [
        ...['--port', String(listenPort), '--bind', host, '--protected-mode', 'yes'],
        ...['--dir', dataDir, '--save', ''], // no RDB snapshots: only the AOF, if any, outlives a server
        ...['--appendonly', appendOnly ? 'yes' : 'no', ...(appendOnly ? ['--appendfsync', 'everysec'] : [])],
        ...['--daemonize', 'no', '--logfile', ''], // in the foreground, logging to stdout: output()
      ],
      { cwd: dataDir },
      (text) => (log += text),
    );
    forget = atExit(cleanUp);
    return current;
  };
  /** Starts one on `fixedPort`, or on a free port; resolves with the port. */
  const start = async (fixedPort) => {
    const started = await startOnPort({
      name: 'redis-server',
      fixedPort,
      launch: launchOn,
      ready: (listenPort, server) => pong(listenPort, server.child.pid),
      readiness: 'answer PING',
      within: 10_000,
      taken: /address already in use/i,
      output: () => log,
    });
    return started.port;
  };

  try {
    port = await start(port);
  } catch (error) {
    forget();
    if (made && !keepData) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const server = {
    url: `redis://${host}:${port}`,
    port,
    pid: current.child.pid,
    dataDir,
    stop: async () => {
      await stopWithin(current, 'SIGTERM'); // a shutdown: the AOF is written out first
      forget();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => stopWithin(current, 'SIGKILL'),
    restart: async () => {
      await stopWithin(current, 'SIGTERM');
      mkdirSync(dataDir, { recursive: true }); // after stop() too
      await start(port);
      server.pid = current.child.pid;
    },
    output: () => log,
  };
  return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startRedis();
  console.log(`Redis listening on ${server.url} (data in ${server.dataDir}); Ctrl-C stops it`);
  stopOnSignal(server);
}
