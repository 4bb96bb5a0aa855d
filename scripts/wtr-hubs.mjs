// A web-test-runner plugin: starts the reference hub in both modes for the browser tests, and tells
// the page where they are at /__thrume/hubs.json. The hubs are stopped by PID when the run ends.
import { startHubProcess } from './hub-process.mjs';

const testHubEnv = {
  THRUME_RING_TIMEOUT_MS: '4000',
  THRUME_RECONNECT_GRACE_MS: '1500',
  THRUME_CALL_RATE_PER_MINUTE: '1000',
};

export function hubsPlugin() {
  let hubs = [];
  return {
    name: 'thrume-hubs',
    async serverStart() {
      hubs = await Promise.all(
        ['extended', 'baseline'].map(async (mode) => ({ mode, ...(await startHubProcess({ ...testHubEnv, THRUME_HUB_MODE: mode })) })),
      );
    },
    async serverStop() {
      await Promise.all(hubs.map((hub) => hub.stop()));
    },
    serve(context) {
      if (context.path !== '/__thrume/hubs.json') return undefined;
      const body = Object.fromEntries(hubs.map((h) => [h.mode, { url: h.url }]));
      return { body: JSON.stringify(body), type: 'json' };
    },
  };
}
