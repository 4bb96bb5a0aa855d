// A web-test-runner plugin: starts the reference hub in both modes for the browser tests, and a proxy
// that lets no WebSocket through in front of the extended one, and tells the page where they are at
// /__thrume/hubs.json. `extraEnv()` adds settings read when the hubs start (the TURN relay's). The hubs
// are stopped by PID when the run ends.
import { startHubProcess } from './hub-process.mjs';
import { startNoWebSocketProxy } from './no-websocket-proxy.mjs';

const testHubEnv = {
  THRUME_RING_TIMEOUT_MS: '4000',
  THRUME_RECONNECT_GRACE_MS: '1500',
  THRUME_CALL_RATE_PER_MINUTE: '1000',
};

export function hubsPlugin(extraEnv = () => ({})) {
  let hubs = [];
  let proxy = null;
  return {
    name: 'thrume-hubs',
    async serverStart() {
      const env = { ...testHubEnv, ...extraEnv() };
      hubs = await Promise.all(
        ['extended', 'baseline'].map(async (mode) => ({
          mode,
          ...(await startHubProcess({ ...env, THRUME_HUB_MODE: mode })),
        })),
      );
      proxy = await startNoWebSocketProxy(hubs[0].url);
    },
    async serverStop() {
      await Promise.all([...hubs.map((hub) => hub.stop()), proxy?.stop()]);
    },
    serve(context) {
      if (context.path !== '/__thrume/hubs.json') return undefined;
      const body = {
        ...Object.fromEntries(hubs.map((h) => [h.mode, { url: h.url }])),
        noWebSocketProxy: { url: proxy.url },
      };
      return { body: JSON.stringify(body), type: 'json' };
    },
  };
}
