// Starts Xvfb (WebKitGTK has no headless mode) on a free display and WebKitWebDriver on a free
// 127.0.0.1 port, and stops both by their child handles when this process ends, however it ends.
// Each runs in a process group of its own, so the MiniBrowser the driver launches goes with it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const miniBrowser = process.env.WEBKIT_MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const host = '127.0.0.1';

/** Resolves with `{ port, miniBrowser, stop }` once the driver answers `/status`. */
export async function startWebKitDriver() {
  const children = [];
  const stop = () => {
    for (const child of children.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // the group ended on its own meanwhile
      }
    }
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stop();
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    });
  }
  try {
    // -displayfd: Xvfb picks a free display and writes its number to fd 3.
    const xvfb = start(children, 'Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    const display = `:${(await firstLine(xvfb, xvfb.stdio[3])).trim()}`;
    const port = await freePort();
    // The driver launches MiniBrowser with its own environment, so it must see DISPLAY.
    const driver = start(children, 'WebKitWebDriver', [`--port=${port}`, `--host=${host}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DISPLAY: display },
    });
    await answers(`http://${host}:${port}/status`, driver);
    return { port, miniBrowser, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

function start(children, command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  children.push(child);
  let log = '';
  child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  child.failure = new Promise((_, reject) => {
    child.once('error', (error) =>
      reject(new Error(`${command} did not start (${error.message}); see scripts/setup.sh`)),
    );
    child.once('exit', (code) => reject(new Error(`${command} exited with code ${code}:\n${log}`)));
  });
  child.failure.catch(() => undefined);
  return child;
}

function firstLine(child, stream) {
  const line = new Promise((resolve) => {
    let text = '';
    stream.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.split('\n')[0]);
    });
  });
  return Promise.race([line, child.failure, timeout(10_000, `${child.spawnfile} did not report its display`)]);
}

/** Polls `url` until it answers: the driver says nothing when it is ready. */
async function answers(url, child) {
  let waiting = true;
  const ready = (async () => {
    while (
      waiting &&
      !(await fetch(url).then(
        (r) => r.ok,
        () => false,
      ))
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
  })();
  try {
    await Promise.race([ready, child.failure, timeout(10_000, `${url} did not answer`)]);
  } finally {
    waiting = false;
  }
}

function timeout(ms, message) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`${message} in ${ms / 1000} s`)), ms).unref());
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
