// `npm run hub`: the reference hub from the environment (see README.md for the variables).

import { ConfigError, loadConfig, type HubConfig } from './config.ts';
import { createHubLog } from './ops/hub-log.ts';
import { hubPath, startHub } from './server.ts';

let config: HubConfig;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  process.exit(2);
}

const log = createHubLog();
const hub = await startHub(config, { log: log.notice, observe: log.observe }).catch((error: unknown) => {
  console.error(`Cannot start the hub: ${(error as Error).message}`);
  process.exit(1);
});
console.log(
  `Thrume Calls hub listening on ${hub.url} (hub ${hubPath}, REST /api/call, ${config.environment}, ${config.mode} mode)`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1); // a second signal: stop at once
    stopping = true;
    // A database or a client that stops answering must not hold the process until the service manager
    // kills it without a word. Unref'd: the timer alone keeps nothing running.
    setTimeout(() => {
      log.error(`shutdown did not finish within ${config.shutdownTimeoutMs} ms (THRUME_SHUTDOWN_TIMEOUT_MS); exiting`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    hub.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(`shutdown failed: ${(error as Error)?.stack ?? String(error)}`);
        process.exit(1);
      },
    );
  });
}
