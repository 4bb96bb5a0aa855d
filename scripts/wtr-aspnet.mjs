// A web-test-runner plugin for the aspnet leg: starts the ASP.NET app (interop/aspnet, Microsoft's
// SignalR server) and the proxy that lets no WebSocket through in front of it, tells the page their
// ports at /__thrume/aspnet.json, and restarts the app on the same port when a test asks
// (`executeServerCommand('aspnet-restart')`). Both are stopped by PID when the run ends.
import { startAspnetApp } from './aspnet-app.mjs';
import { startNoWebSocketProxy } from './no-websocket-proxy.mjs';

export function aspnetPlugin() {
  let app = null;
  let proxy = null;
  return {
    name: 'thrume-aspnet',
    async serverStart() {
      app = await startAspnetApp();
      proxy = await startNoWebSocketProxy(app.url);
    },
    async serverStop() {
      await Promise.all([app?.stop(), proxy?.stop()]);
    },
    serve(context) {
      if (context.path !== '/__thrume/aspnet.json') return undefined;
      const body = { port: app.port, proxyPort: Number(new URL(proxy.url).port) };
      return { body: JSON.stringify(body), type: 'json' };
    },
    async executeCommand({ command }) {
      if (command !== 'aspnet-restart') return undefined;
      await app.stop();
      app = await startAspnetApp({ port: app.port });
      return true;
    },
  };
}

/**
 * Opens the test pages at kit.thrume.localhost rather than localhost: on the same site as each
 * party's own host (test/support/parties.ts, `originOf`), so that the app's cookies are first-party.
 */
export function onThrumeSite(launcher) {
  const startSession = launcher.startSession.bind(launcher);
  launcher.startSession = (id, url) =>
    startSession(id, url.replace(/\/\/(localhost|127\.0\.0\.1):/, '//kit.thrume.localhost:'));
  return launcher;
}
