// Which hub code a benchmark measured: the commit, and whether hub/src had uncommitted changes.
import { execSync } from 'node:child_process';

export function hubCommit() {
  try {
    const head = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain -- hub/src', { encoding: 'utf8' }).trim() !== '';
    return `${head}${dirty ? ' + uncommitted hub/src changes' : ''}`;
  } catch {
    return 'unknown';
  }
}
