// `npm run hub`: the reference hub from the environment (see README.md for the variables).

import { ConfigError, loadConfig, type HubConfig } from './config.ts';
import { hubPath, startHub } from './server.ts';

let config: HubConfig;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  process.exit(2);
}

const hub = await startHub(config).catch((error: unknown) => {
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
    hub.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  });
}
