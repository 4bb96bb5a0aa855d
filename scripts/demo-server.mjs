// Serves the demo pages (demo/) with Vite, pointed at a hub. Used by the demo and the end-to-end tests.
import { createServer } from 'vite';

/** Resolves with `{ url, close }` once the pages are served on 127.0.0.1 (`port` 0: any free port). */
export async function serveDemo(hubUrl, port = 0) {
  const server = await createServer({
    configFile: false,
    root: 'demo',
    define: { __THRUME_HUB_URL__: JSON.stringify(hubUrl) },
    // No file watching or hot reload: a page must not reload under a call (or under a test) when a file changes.
    server: { host: '127.0.0.1', port, strictPort: port !== 0, fs: { allow: ['..'] }, hmr: false, watch: null },
    logLevel: 'warn',
  });
  await server.listen();
  return { url: server.resolvedUrls.local[0], close: () => server.close() };
}
