// Generates each framework's typings and VS Code's custom data from custom-elements.json, with the
// maintained wc-toolkit generators. `npm run manifest` runs it after the analyzer; scripts/check-manifest.mjs
// runs it into a temporary folder to check the committed files, and type-checks a page of each framework
// against them (test/integrations/). Svelte's generator is left out: its 1.2.0 output names
// `JSX.Element`, which no Svelte project defines, so the file does not type-check.
// Usage: node scripts/integrations.mjs [manifest] [outdir]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateSolidJsTypes } from 'custom-element-solidjs-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';

const [manifestPath = 'custom-elements.json', outdir = 'integrations'] = process.argv.slice(2);
const manifest = () => JSON.parse(readFileSync(manifestPath, 'utf8')); // each generator gets its own copy
mkdirSync(outdir, { recursive: true });

/**
 * The JSX generator imports an event's type only when it is `CustomEvent<Detail>`; the kit's events are
 * Event subclasses (src/events.ts), so their names join its import of the element classes.
 */
function withEventImports(source) {
  const events = manifest()
    .modules.flatMap((m) => m.declarations ?? [])
    .flatMap((d) => d.events ?? [])
    .map((e) => e.type?.text);
  const names = [...new Set(events.filter((name) => /^[A-Z]\w*$/.test(name ?? '')))];
  const line = new RegExp(`^import type \\{ (.+) \\} from "${globalTypePath.replace(/[./]/g, '\\$&')}";$`, 'm');
  if (!line.test(source))
    throw new Error('integrations: the JSX typings no longer import the element classes as expected');
  return source.replace(line, (_, imported) => {
    const all = [...new Set([...imported.split(', '), ...names])];
    return `import type { ${all.join(', ')} } from "${globalTypePath}";`;
  });
}

/**
 * These generators take an event's type for a CustomEvent's detail and type the handler's argument
 * `CustomEvent<Type>`; the kit's events are Event subclasses, so the argument is the class itself.
 */
function eventsAsThemselves(file) {
  const source = readFileSync(file, 'utf8');
  const fixed = source.replace(/\(e: CustomEvent<(Thrume\w+Event)>\)/g, '(e: $1)');
  if (fixed === source) throw new Error(`integrations: ${file} no longer types handlers as expected`);
  writeFileSync(file, fixed);
}

// The element classes and their event classes, as the package publishes their types.
const globalTypePath = '../dist/types/elements.js';
const shared = { outdir, globalTypePath, hideLogs: true };

const jsx = generateJsxTypes(manifest(), { ...shared, fileName: 'react.d.ts', stronglyTypedEvents: true });
writeFileSync(join(outdir, 'react.d.ts'), withEventImports(jsx));
generateVuejsTypes(manifest(), { ...shared, fileName: 'vue.d.ts' });
generateSolidJsTypes(manifest(), { ...shared, fileName: 'solid.d.ts' });
for (const file of ['vue.d.ts', 'solid.d.ts']) eventsAsThemselves(join(outdir, file));
generateVsCodeCustomElementData(manifest(), {
  outdir,
  hideLogs: true,
  htmlFileName: 'vscode.html-custom-data.json',
  cssFileName: 'vscode.css-custom-data.json',
});
