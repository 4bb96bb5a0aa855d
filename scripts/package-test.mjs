// Checks the built package as a page's bundler sees it: the `exports` entries resolve, importing
// '@thrume/calls/elements' registers every element (its side effects survive `sideEffects`), and
// importing '@thrume/calls' registers none. Prints "package: N passed, N failed".
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const tags = ['thrume-call-provider', 'thrume-call-button', 'thrume-incoming-call', 'thrume-active-call'];
const results = [];
const check = async (name, run) => {
  try {
    await run();
    results.push(true);
    console.log(`  ✓ ${name}`);
  } catch (error) {
    results.push(false);
    console.log(`  ✗ ${name}: ${error.message}`);
  }
};

execSync('npm run build', { stdio: 'inherit' });
const consumer = mkdtempSync(join(tmpdir(), 'thrume-consumer-'));
mkdirSync(join(consumer, 'node_modules', '@thrume'), { recursive: true });
symlinkSync(resolve('.'), join(consumer, 'node_modules', '@thrume', 'calls'));

/** Bundles `source` as a page would, with the package's dependencies left out (the build is minified,
 * so the checks look for the kit's own texts rather than its class names). */
async function bundle(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: consumer, loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    preserveSymlinks: true,
    external: ['lit', 'lit/*', '@lit/*', '@microsoft/signalr', '@microsoft/signalr/*'],
  });
  return new TextDecoder().decode(result.outputFiles[0].contents);
}

try {
  await check("'@thrume/calls/elements' registers every element", async () => {
    const code = await bundle("import '@thrume/calls/elements';");
    const missing = tags.filter((tag) => !code.includes(`"${tag}"`) && !code.includes(`'${tag}'`));
    if (missing.length) throw new Error(`not registered: ${missing.join(', ')}`);
  });
  await check("'@thrume/calls' registers no element", async () => {
    const code = await bundle("import { CallController } from '@thrume/calls'; console.log(CallController);");
    if (!code.includes('The hub did not say which call it created.')) throw new Error('the controller is missing');
    const registered = tags.filter((tag) => code.includes(tag));
    if (registered.length) throw new Error(`registers ${registered.join(', ')}`);
  });
  await check("'@thrume/calls/testing' gives the loopback hub", async () => {
    const code = await bundle("import { LoopbackHub } from '@thrume/calls/testing'; console.log(LoopbackHub);");
    if (!code.includes('Not authorized to signal for this call')) throw new Error('the loopback hub is missing');
  });
  await check(
    "a page's bundle leaves SignalR's HTTP transports, the call's shortcuts and wake lock, and each language to chunks of their own",
    async () => {
      const result = await build({
        stdin: { contents: "import '@thrume/calls/elements';", resolveDir: consumer, loader: 'js' },
        bundle: true,
        splitting: true,
        format: 'esm',
        outdir: join(consumer, 'out'),
        write: false,
        logLevel: 'silent',
        charset: 'utf8',
        preserveSymlinks: true,
        external: ['lit', 'lit/*', '@lit/*'],
      });
      const text = (file) => new TextDecoder().decode(file.contents);
      const page = text(result.outputFiles.find((file) => file.path.endsWith('stdin.js')));
      const chunks = result.outputFiles.filter((file) => !file.path.endsWith('stdin.js')).map(text);
      const onDemand = {
        "SignalR's HTTP transports": 'Negotiation can only be skipped when using the WebSocket transport directly.',
        'the keyboard shortcuts': '[role="switch"]',
        'the wake lock': 'visibilitychange',
        German: 'Annehmen',
        French: 'Raccrocher',
        Spanish: 'Colgar',
        Ukrainian: 'Прийняти',
        Polish: 'Odbierz',
        Arabic: 'قبول',
      };
      for (const [what, marker] of Object.entries(onDemand)) {
        if (page.includes(marker)) throw new Error(`the page bundle holds ${what}`);
        if (chunks.filter((chunk) => chunk.includes(marker)).length !== 1)
          throw new Error(`not one chunk holds ${what}`);
      }
    },
  );
  await check('every entry has its type declarations', async () => {
    const missing = ['index', 'elements', 'testing'].filter((entry) => !existsSync(`dist/types/${entry}.d.ts`));
    if (missing.length) throw new Error(`no dist/types/${missing.join(', ')}.d.ts`);
  });
  await check('every file the exports name is in the packed package', async () => {
    const targets = (value) => (typeof value === 'string' ? [value] : Object.values(value).flatMap(targets));
    const exported = targets(JSON.parse(readFileSync('package.json', 'utf8')).exports);
    const [{ files }] = JSON.parse(execSync('npm pack --dry-run --json --ignore-scripts', { encoding: 'utf8' }));
    const packed = new Set(files.map((f) => f.path));
    const missing = exported.map((p) => p.slice(2)).filter((p) => !packed.has(p));
    if (missing.length) throw new Error(`not packed: ${missing.join(', ')}`);
  });
} finally {
  rmSync(consumer, { recursive: true, force: true });
}

const passed = results.filter(Boolean).length;
console.log(`package: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
