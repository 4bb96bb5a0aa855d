// Starts Debian's coturn (`turnserver`) on a free loopback port with the hub's shared-secret scheme
// (use-auth-secret), for the tests, and stops it by its PID. docs/coturn.md is the production setup.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const host = '127.0.0.1';

/** A port free for both TCP and UDP on the loopback address: coturn listens on both. */
async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const server = createServer().once('error', reject);
      server.listen(0, host, () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
    });
    const udp = createSocket('udp4');
    const free = await new Promise((resolve) => {
      udp.once('error', () => resolve(false));
      udp.bind(port, host, () => resolve(true));
    });
    await new Promise((resolve) => (free ? udp.close(resolve) : resolve()));
    if (free) return port;
  }
}

const accepts = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, host, () => resolve(socket.end() && true)).once('error', () => resolve(false));
  });

/** Resolves with `{ host, port, pid, stop, output }` once coturn accepts TCP connections. */
export async function startCoturn({ secret, realm = 'thrume.test' }) {
  if (spawnSync('turnserver', ['--version']).error) {
    throw new Error(
      'coturn is not installed: the TURN tests need Debian\'s coturn (sudo apt-get install coturn), or run "npm test" as root.',
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'thrume-coturn-'));
  const child = spawn(
    'turnserver',
    [
      '-n', // no configuration file: everything is on this line
      `--listening-ip=${host}`,
      `--relay-ip=${host}`,
      `--listening-port=${port}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      `--realm=${realm}`,
      '--allow-loopback-peers', // the tests' peers are on this machine; production denies them (docs/coturn.md)
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--fingerprint',
      '--min-port=49152',
      '--max-port=65535',
      '--log-file=stdout',
      '--simple-log',
      `--pidfile=${join(dir, 'turnserver.pid')}`,
      `--userdb=${join(dir, 'turndb')}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (log += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null) throw new Error(`coturn exited with code ${child.exitCode}:\n${log}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`coturn did not start in 15 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { host, port, pid: child.pid, stop, output: () => log };
}
