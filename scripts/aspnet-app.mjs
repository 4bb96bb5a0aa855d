// Builds interop/aspnet (Thrume's call contract on Microsoft's SignalR) once, and starts and stops it
// as a child process on a loopback port. `node scripts/aspnet-app.mjs [port]` runs it by hand.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const appDir = join(root, 'interop', 'aspnet');
const outDir = join(appDir, 'bin', 'app');
const dll = join(outDir, 'ThrumeInterop.dll');
const stampFile = join(outDir, 'source.sha256');
const directoryFile = join(root, 'hub', 'fixtures', 'demo-directory.json');
const dotnetEnv = { DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1' };
const startTimeoutMs = 30_000;
const stopGraceMs = 5_000;

/** Apps still running, killed if this process exits without stopping them. */
const running = new Set();
let keysDir;
let building;

process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  if (keysDir) rmSync(keysDir, { recursive: true, force: true });
});

/** Resolves with the built dll's path; builds only when the sources changed since the last build. */
export function buildAspnetApp() {
  // One build at a time in this process: concurrent starts share it.
  building ??= build().finally(() => (building = undefined));
  return building;
}

async function build() {
  if (spawnSync('dotnet', ['--version'], { stdio: 'ignore' }).error) {
    throw new Error(
      'The aspnet leg needs the .NET 10 SDK (dotnet): install it (https://dotnet.microsoft.com/download, or Debian: packages.microsoft.com dotnet-sdk-10.0) and run again.',
    );
  }
  const hash = hashSources();
  if (existsSync(dll) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return dll;
  const args = [
    'build',
    join(appDir, 'ThrumeInterop.csproj'),
    '-c',
    'Release',
    '-warnaserror',
    '-nologo',
    '-o',
    outDir,
  ];
  const { code, output } = await run('dotnet', args, { cwd: root, env: { ...process.env, ...dotnetEnv } });
  if (code !== 0) {
    const lines = output.split('\n').map((line) => line.trim());
    const errors = [...new Set(lines.filter((line) => /\berror\b/i.test(line)))];
    const detail = errors.length > 0 ? errors : lines.slice(-40);
    throw new Error(`dotnet build of interop/aspnet failed (exit ${code}):\n${detail.join('\n')}`);
  }
  writeFileSync(stampFile, hash);
  return dll;
}

/** sha256 over every file of the app (paths and contents, sorted), leaving out build output and keys. */
function hashSources() {
  const skipped = new Set(['bin', 'obj', 'keys']);
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(dir === appDir && skipped.has(entry.name))) walk(path);
      } else if (entry.isFile()) files.push(relative(appDir, path).split(sep).join('/'));
    }
  };
  walk(appDir);
  const hash = createHash('sha256');
  for (const file of files.sort())
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(appDir, file)))
      .update('\0');
  return hash.digest('hex');
}

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/**
 * Builds if needed, then starts the app on http://127.0.0.1:<port> (0: Kestrel picks one). Resolves
 * with `{ url, port, pid, stop, kill, output }` once it listens; `output()` is its log so far.
 */
export async function startAspnetApp({ port = 0, env = {} } = {}) {
  const appDll = await buildAspnetApp();
  // One keys folder per process, so a restarted app still accepts the cookies it issued before.
  keysDir ??= env.THRUME_KEYS_DIR ? undefined : mkdtempSync(join(tmpdir(), 'thrume-aspnet-keys-'));
  const child = spawn('dotnet', [appDll, '--urls', `http://127.0.0.1:${port}`], {
    cwd: root,
    env: { ...process.env, ...dotnetEnv, THRUME_DIRECTORY: directoryFile, THRUME_KEYS_DIR: keysDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  // 'close', not 'exit': by then the whole log has been read.
  const exited = new Promise((resolve) => child.once('close', resolve)).finally(() => running.delete(child));
  let log = '';

  const signal = (name) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    return exited.then(() => undefined);
  };
  const stop = () => {
    const timer = setTimeout(() => signal('SIGKILL'), stopGraceMs);
    return signal('SIGTERM').finally(() => clearTimeout(timer));
  };
  const kill = () => signal('SIGKILL');

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (why) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void kill();
      reject(new Error(`The ASP.NET app ${why}:\n${log}`));
    };
    const timer = setTimeout(() => fail(`did not start in ${startTimeoutMs / 1000} s`), startTimeoutMs);
    const onData = (chunk) => {
      log += chunk;
      const match = /Now listening on: (http:\/\/127\.0\.0\.1:(\d+))/.exec(log);
      if (!match || settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout.off('data', onData).on('data', (more) => (log += more));
      resolve({ url: match[1], port: Number(match[2]), pid: child.pid, stop, kill, output: () => log });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (log += chunk));
    child.once('error', (error) => fail(`could not be started (${error.message})`));
    void exited.then((code) => fail(`exited (${code ?? child.signalCode}) before listening`));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const app = await startAspnetApp({ port: Number(process.argv[2] ?? 0) });
  console.log(`Thrume's contract on ASP.NET Core SignalR: ${app.url}/chathub (Ctrl-C stops it)`);
  for (const name of ['SIGINT', 'SIGTERM']) process.once(name, () => void app.stop().then(() => process.exit(0)));
}
