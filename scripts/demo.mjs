// The main job: the reference hub plus the demo pages, where two people call each other.
// Open the two printed addresses in two browser windows. Ctrl-C stops both.
import { startHubProcess } from './hub-process.mjs';
import { serveDemo } from './demo-server.mjs';

const hub = await startHubProcess({
  THRUME_HUB_PORT: process.env.THRUME_HUB_PORT ?? '5050',
  THRUME_DATA_DIR: process.env.THRUME_DATA_DIR ?? 'hub/.data',
});
const pages = await serveDemo(hub.url, Number(process.env.THRUME_DEMO_PORT ?? 5173));
console.log(`Hub:   ${hub.url}
Demo:  ${pages.url}?user=alice
       ${pages.url}?user=bob
Open the two addresses in two windows (or two browsers) and call from one to the other. Ctrl-C stops.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([pages.close(), hub.stop()]);
    process.exit(0);
  });
}
