// A web-test-runner plugin: starts the reference hub in both modes for the browser tests, a proxy
// that lets no WebSocket through in front of the extended one, and two extended nodes of one cluster
// on a Redis of their own, and tells the page where they are at /__thrume/hubs.json. `extraEnv()` adds
// settings read when the hubs start (the TURN relay's). Everything is stopped by PID when the run ends.
import { randomBytes } from 'node:crypto';
import { startHubProcess } from './hub-process.mjs';
import { startNoWebSocketProxy } from './no-websocket-proxy.mjs';
import { startRedis } from './redis-process.mjs';

const testHubEnv = {
  THRUME_RING_TIMEOUT_MS: '4000',
  THRUME_RECONNECT_GRACE_MS: '1500',
  THRUME_CALL_RATE_PER_MINUTE: '1000',
};

export function hubsPlugin(extraEnv = () => ({})) {
  let hubs = [];
  let proxy = null;
  let redis = null;
  return {
    name: 'thrume-hubs',
    async serverStart() {
      const env = { ...testHubEnv, ...extraEnv() };
      redis = await startRedis();
      const cluster = { THRUME_REDIS_URL: redis.url, THRUME_JWT_SECRET: randomBytes(32).toString('hex') };
      hubs = await Promise.all(
        [
          ['extended', {}],
          ['baseline', {}],
          ['clusterA', cluster],
          ['clusterB', cluster],
        ].map(async ([name, more]) => ({
          name,
          ...(await startHubProcess({
            ...env,
            THRUME_HUB_MODE: name === 'baseline' ? 'baseline' : 'extended',
            ...more,
          })),
        })),
      );
      proxy = await startNoWebSocketProxy(hubs[0].url);
    },
    async serverStop() {
      await Promise.all([...hubs.map((hub) => hub.stop()), proxy?.stop()]);
      await redis?.stop();
    },
    serve(context) {
      if (context.path !== '/__thrume/hubs.json') return undefined;
      const body = {
        ...Object.fromEntries(hubs.map((h) => [h.name, { url: h.url }])),
        noWebSocketProxy: { url: proxy.url },
      };
      return { body: JSON.stringify(body), type: 'json' };
    },
  };
}
