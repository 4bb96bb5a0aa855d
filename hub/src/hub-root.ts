// The hub package's folder (hub/), whether this code runs as TypeScript from src/ or built into dist/.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findHubRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@thrume/hub'
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`No @thrume/hub package.json above ${from}`);
  }
}

export const hubRoot = findHubRoot(path.dirname(fileURLToPath(import.meta.url)));
