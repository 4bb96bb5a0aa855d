// `npx cem analyze` reads this: the manifest of the elements, from their JSDoc.
/** Sorts modules by path. The analyzer also guesses events from `dispatchEvent(new X(arg))`, naming them after `arg`; the JSDoc `@fires` are the real ones. */
function firedEventsOnly() {
  return {
    name: 'thrume-fired-events-only',
    packageLinkPhase({ customElementsManifest }) {
      // The file globbing order varies from run to run; sort so the manifest is the same every time.
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.name?.startsWith('thrume-'));
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts', 'src/events.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [firedEventsOnly()],
};
