// Size benchmark: min+gzip of the whole kit (every element, the controller, Lit and the SignalR
// signaling) beside its floor (Lit plus SignalR's client alone), bundled the same way in the same run.
// The kit is what a page that uses the elements over SignalR loads: every element and the public API
// (the loopback for tests and stories has its own entry and is not counted). SignalR's HTTP transports,
// which the kit imports only when a WebSocket cannot be had, are measured apart: what they add when loaded;
// so are the phone layouts, which the elements import only on a phone-sized viewport, and the active
// call's shortcuts, wake lock, full screen and picture-in-picture, imported when a call is first shown. Last, the CDN file,
// and each language's strings, which load only where an element speaks that language.
// Usage: node bench/size.mjs [--budget-kb 33]   (exits 1 when the kit is over budget)
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readdirSync } from 'node:fs';

const budgetKb = Number(process.argv[process.argv.indexOf('--budget-kb') + 1]) || 33;
const kitEntries = ['./src/index.ts', './src/elements.ts'];

// The dynamic import of SignalR's HTTP transports; esbuild would inline it into a single-file bundle.
const httpFallback = '@microsoft/signalr/dist/esm/HttpConnection.js';
// The phone layouts (styles, dragging the inset), imported by each element as './phone.js'.
const phoneStyles = './phone.js';
// The active call's keyboard shortcuts, wake lock, full screen and picture-in-picture, imported when a call is first shown,
// and the measuring of voices and quality, imported as a call captures its microphone.
const inCall = [
  './shortcuts.js',
  './wake-lock.js',
  './full-screen.js',
  './picture-in-picture.js',
  './speaking.js',
  './quality.js',
];
// The translations, imported by src/locale.ts as './locales/<code>.js' when first needed.
const locales = './locales/*';

async function measure(label, contents, { withFallback = false, withPhone = false, withInCall = false } = {}) {
  const result = await build({
    external: [
      locales,
      ...(withPhone ? [] : [phoneStyles]),
      ...(withFallback ? [] : [httpFallback]),
      ...(withInCall ? [] : inCall),
    ],
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts', sourcefile: `${label}.ts` },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['production'],
    tsconfig: 'tsconfig.json',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  return { label, minKb: code.length / 1024, gzipKb: gzipSync(code, { level: 9 }).length / 1024 };
}

const lit = `export { LitElement, html, css, svg } from 'lit';`;
const floorEntry = `${lit}
   export { HubConnectionBuilder } from '@microsoft/signalr';`;
// The kit's bundle grown a layer at a time from Lit, to show what each costs on top of the one before.
const litPartsEntry = `${lit}
   export { customElement, property, state, query } from 'lit/decorators.js';
   export { unsafeSVG } from 'lit/directives/unsafe-svg.js';
   export { createContext, consume, ContextProvider, ContextConsumer } from '@lit/context';`;
const servicesEntry = `${litPartsEntry}
   export { CallController } from './src/services/call-controller.ts';
   export { SignalRSignaling } from './src/services/signaling/signalr-signaling.ts';`;
const kitEntry = kitEntries.map((f) => `export * from '${f}';`).join('\n');

const floor = await measure('floor', floorEntry);
const litAlone = await measure('lit', lit);
const litParts = await measure('+ lit parts', litPartsEntry);
const services = await measure('+ services', servicesEntry);
const kit = await measure('kit', kitEntry);
const withFallback = await measure('+ fallback', kitEntry, { withFallback: true });
const withPhone = await measure('+ phone', kitEntry, { withPhone: true });
const withInCall = await measure('+ in call', kitEntry, { withInCall: true });
// The CDN's single module (scripts/cdn-build.mjs) holds everything, the HTTP transports and phone layouts too.
const cdn = await measure('cdn', "export * from './src/cdn/thrume-calls.ts';", {
  withFallback: true,
  withPhone: true,
  withInCall: true,
});

const languages = await Promise.all(
  readdirSync('src/locales').map((file) =>
    measure(file.replace(/\.ts$/, ''), `export { default } from './src/locales/${file}';`),
  ),
);

const row = (m) =>
  `${m.label.padEnd(12)} ${m.minKb.toFixed(1).padStart(7)} KB min  ${m.gzipKb.toFixed(1).padStart(6)} KB min+gzip`;
const plus = (m, before) => `+${(m.gzipKb - before.gzipKb).toFixed(1)} KB`;
console.log(`entries: ${kitEntries.join(', ')}`);
console.log(row(floor) + '   (Lit + SignalR client alone: HubConnectionBuilder)');
console.log(row(litAlone) + '   (Lit alone)');
console.log(row(litParts) + `   (${plus(litParts, litAlone)}: Lit decorators, unsafeSVG for the icons, @lit/context)`);
console.log(
  row(services) +
    `   (${plus(services, litParts)}: controller, session, peer, media, quality, SignalR signaling: hub client, WebSocket)`,
);
console.log(row(kit) + `   (${plus(kit, services)}: the elements, strings, icons, tones, tokens, events)`);
console.log(
  row(withFallback) +
    `   (${plus(withFallback, kit)}: SignalR's HTTP transports, loaded only where a WebSocket cannot be had)`,
);
console.log(row(withPhone) + `   (${plus(withPhone, kit)}: the phone layouts, loaded only on a phone-sized viewport)`);
console.log(
  row(withInCall) +
    `   (${plus(withInCall, kit)}: the active call's shortcuts, wake lock, full screen, picture-in-picture, and the measuring of voices and quality, loaded with the first call)`,
);
console.log(row(cdn) + `   (dist/cdn/thrume-calls.js: one file for a <script type="module">, all of the above)`);
console.log(
  `locales      ${languages.map((m) => `${m.label} ${m.gzipKb.toFixed(1)}`).join(', ')} KB min+gzip each   (loaded only where an element speaks it)`,
);
console.log(
  `kit: ${(kit.gzipKb / floor.gzipKb).toFixed(2)}x the floor, ${(kit.gzipKb - floor.gzipKb).toFixed(1)} KB over it`,
);
console.log(`budget: ${budgetKb} KB min+gzip -> ${kit.gzipKb <= budgetKb ? 'within' : 'OVER'}`);
process.exit(kit.gzipKb <= budgetKb ? 0 : 1);
