// Serves the demo pages (demo/) with Vite, pointed at a hub. Used by the demo and the end-to-end tests.
import { createServer } from 'vite';

/**
 * Resolves with `{ url, close }` once the pages are served on 127.0.0.1 (`port` 0: any free port). `auth`
 * is how the pages sign in to the hub: `token` (the reference hub's development tokens) or `cookie`
 * (Identity's cookie sign-in, as on Thrume's ASP.NET server: interop/aspnet).
 */
export async function serveDemo(hubUrl, port = 0, { auth = 'token' } = {}) {
  const server = await createServer({
    configFile: false,
    root: 'demo',
    define: { __THRUME_HUB_URL__: JSON.stringify(hubUrl), __THRUME_HUB_AUTH__: JSON.stringify(auth) },
    // No file watching or hot reload: a page must not reload under a call (or under a test) when a file changes.
    server: { host: '127.0.0.1', port, strictPort: port !== 0, fs: { allow: ['..'] }, hmr: false, watch: null },
    logLevel: 'warn',
  });
  await server.listen();
  return { url: server.resolvedUrls.local[0], close: () => server.close() };
}
