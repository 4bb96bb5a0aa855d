// The examples import the kit from the repository's sources, as a page would import the package.
import { fileURLToPath } from 'node:url';

const src = (file: string) => fileURLToPath(new URL(`../../src/${file}`, import.meta.url));

export const kitAliases = [
  { find: /^@thrume\/calls\/elements$/, replacement: src('elements.ts') },
  { find: /^@thrume\/calls\/testing$/, replacement: src('testing.ts') },
  { find: /^@thrume\/calls$/, replacement: src('index.ts') },
];
