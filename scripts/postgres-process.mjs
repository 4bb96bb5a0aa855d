// Starts Debian's PostgreSQL server (`postgres`, not pg_ctl, so that we own its PID) on a free loopback
// port with a fresh data folder, for the hub's tests and the demo, and stops it by its PID.
// Run directly (node scripts/postgres-process.mjs) it starts one and prints its URL until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { atExit, host, launch, sleep, startOnPort, stopOnSignal, stopWithin } from './child-server.mjs';

const user = 'thrume';
const database = 'thrume';

/** The bin folder of the highest PostgreSQL version installed (/usr/lib/postgresql/<version>/bin). */
function findBinDir() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) =>
          ['postgres', 'initdb', 'pg_isready', 'createdb'].every((bin) => existsSync(join(root, version, 'bin', bin))),
        )
        .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
    : [];
  if (versions.length) return join(root, versions[0], 'bin');
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const bindir = pgConfig.status === 0 ? pgConfig.stdout.trim() : '';
  if (bindir && existsSync(join(bindir, 'postgres')) && existsSync(join(bindir, 'initdb'))) return bindir;
  throw new Error(
    "These tests need PostgreSQL: install Debian's postgresql (apt-get install postgresql) and run again.",
  );
}

/** PostgreSQL refuses to run as root: then initdb and postgres run as Debian's `postgres` system user. */
function serverUser() {
  if (process.getuid?.() !== 0) return {};
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const [uid, gid] = [id('-u'), id('-g')];
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      "PostgreSQL does not run as root, and there is no postgres system user to run it as: install Debian's postgresql (apt-get install postgresql), or run as another user.",
    );
  }
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/** Runs a program to its end; resolves with its exit code and everything it printed. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => resolve({ code: -1, output: `${output}${error.message}\n` }));
    child.once('close', (code, signal) => resolve({ code: code ?? signal, output }));
  });
}

/** `/proc/<pid>/stat` as { state, ppid, start }, or undefined once the process is gone. */
function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], ppid: Number(fields[1]), start: fields[19] };
  } catch {
    return undefined;
  }
}

/** The server's own processes (checkpointer, backends…): the postmaster's children, found by PID. */
function childrenOf(pid) {
  const children = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(entry);
    if (stat?.ppid === pid) children.push({ pid: Number(entry), start: stat.start });
  }
  return children;
}

/** Gone, or a zombie (this machine's PID 1 may not reap orphans), or its PID now names another process. */
const ended = ({ pid, start }) => {
  const stat = procStat(pid);
  return !stat || stat.state === 'Z' || stat.state === 'X' || stat.start !== start;
};

/**
 * SIGKILLs the postmaster and the processes it forked, like a crash: the postmaster is stopped first
 * so that it forks nothing more while its children are listed. Returns them, to wait for.
 */
function killServer(pid) {
  try {
    process.kill(pid, 'SIGSTOP');
  } catch {
    return [];
  }
  const children = childrenOf(pid);
  process.kill(pid, 'SIGKILL');
  for (const child of children) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return children;
}

/**
 * Resolves with `{ url, port, pid, dataDir, stop, kill, output }` once the server accepts connections
 * as `postgres://thrume@127.0.0.1:<port>/thrume` (trust authentication: no password).
 * - `port`: listen there (a restart) rather than on a free port.
 * - `dataDir`: use that data folder if it holds a cluster (a restart), else make one in it.
 * - `keepData`: `stop()` leaves the data folder in place (to restart on it); it is removed otherwise.
 * `stop()` is a fast shutdown (SIGINT; SIGKILL after 10 s); `kill()` SIGKILLs the server and its
 * processes, like a crash, and keeps the folder. Both resolve once they have exited.
 * @param {{ port?: number, dataDir?: string, keepData?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, pid: number, dataDir: string, stop: () => Promise<void>,
 *   kill: () => Promise<void>, output: () => string }>}
 */
export async function startPostgres({ port, dataDir, keepData = false } = {}) {
  const bin = findBinDir();
  const owner = serverUser();
  const asServer = { ...owner, cwd: tmpdir(), env: { ...process.env, LC_ALL: 'C' } };
  const made = !dataDir;
  if (made) dataDir = mkdtempSync(join(tmpdir(), 'thrume-postgres-'));
  else mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  let log = '';
  const onOutput = (text) => (log += text);

  /** One postmaster on `listenPort`, with `kill()` (it and its processes) and `stop()` (a fast shutdown). */
  const launchOn = (listenPort) => {
    const server = launch(
      join(bin, 'postgres'),
      [
        ...['-D', dataDir, '-k', dataDir, '-h', host, '-p', String(listenPort)],
        ...['-c', `listen_addresses=${host}`, '-c', `unix_socket_directories=${dataDir}`],
        ...['-c', 'fsync=on', '-c', 'logging_collector=off'],
      ],
      { ...asServer, cwd: dataDir },
      onOutput,
    );
    const { child, exited, alive } = server;
    // Until it exits, killed when this Node process exits, and its folder removed unless kept.
    if (child.pid) {
      const forget = atExit(() => {
        killServer(child.pid);
        if (!keepData) rmSync(dataDir, { recursive: true, force: true });
      });
      exited.then(forget);
    }
    let killing;
    server.kill = () =>
      (killing ??= (async () => {
        const children = alive() ? killServer(child.pid) : [];
        await exited;
        while (!children.every(ended)) await sleep(20);
      })());
    server.stop = async () => {
      // Fast shutdown: rolls back open transactions, closes clients.
      await stopWithin(server, 'SIGINT', server.kill);
      await killing; // if it came to that, the SIGKILLed server's processes are gone too
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    };
    return server;
  };

  try {
    if (fresh) {
      if (owner.uid !== undefined) chownSync(dataDir, owner.uid, owner.gid);
      const initdb = await run(
        join(bin, 'initdb'),
        ['-D', dataDir, '-A', 'trust', '-U', user, '-E', 'UTF8', '--locale=C', '--no-instructions', '--no-sync'],
        { ...asServer, cwd: dirname(dataDir) },
      );
      onOutput(initdb.output);
      if (initdb.code !== 0) throw new Error(`initdb failed with ${initdb.code}:\n${log}`);
    }
    const { port: listenPort, server } = await startOnPort({
      name: 'postgres',
      fixedPort: port,
      launch: launchOn,
      ready: async (listenPort) =>
        (await run(join(bin, 'pg_isready'), ['-q', '-h', host, '-p', `${listenPort}`, '-U', user])).code === 0,
      readiness: 'accept connections',
      within: 30_000,
      taken: /could not bind/i,
      output: () => log,
    });
    if (fresh) {
      const createdb = await run(join(bin, 'createdb'), ['-h', host, '-p', String(listenPort), '-U', user, database]);
      onOutput(createdb.output);
      if (createdb.code !== 0) {
        await server.kill();
        throw new Error(`createdb failed with ${createdb.code}:\n${log}`);
      }
    }
    return {
      url: `postgres://${user}@${host}:${listenPort}/${database}`,
      port: listenPort,
      pid: server.child.pid,
      dataDir,
      stop: server.stop,
      kill: server.kill,
      output: () => log,
    };
  } catch (error) {
    if (made && !keepData) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startPostgres();
  console.log(`PostgreSQL listening on ${server.url} (data in ${server.dataDir}); Ctrl-C stops it`);
  stopOnSignal(server);
}
