// Runs a command with its output echoed as it comes and also kept: how each test script runs its legs
// and parts, whose summary lines it reads afterwards.
import { spawn } from 'node:child_process';

/** Resolves with `{ code, signal, output }` once `cmd` has ended; stderr is echoed to stderr. */
export function runEchoing(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const [stream, sink] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      stream.on('data', (chunk) => {
        output += chunk;
        sink.write(chunk);
      });
    }
    child.once('close', (code, signal) => resolve({ code: code ?? 1, signal, output }));
  });
}
