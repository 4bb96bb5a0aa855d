// The main job: the reference hub plus the demo pages, where two people call each other.
// Open the two printed addresses in two browser windows. Ctrl-C stops both.
// With --aspnet, the pages call through Microsoft's SignalR server instead: the ASP.NET app that hosts
// Thrume's ChatHub (interop/aspnet, needs the .NET SDK), signed in by cookie as Thrume's app does.
import { startHubProcess } from './hub-process.mjs';
import { startAspnetApp } from './aspnet-app.mjs';
import { serveDemo } from './demo-server.mjs';

const aspnet = process.argv.includes('--aspnet');
const hubPort = process.env.THRUME_HUB_PORT ?? '5050';
const hub = aspnet
  ? await startAspnetApp({ port: Number(hubPort) })
  : await startHubProcess({ THRUME_HUB_PORT: hubPort, THRUME_DATA_DIR: process.env.THRUME_DATA_DIR ?? 'hub/.data' });
const pages = await serveDemo(hub.url, Number(process.env.THRUME_DEMO_PORT ?? 5173), {
  auth: aspnet ? 'cookie' : 'token',
});
console.log(`Hub:   ${hub.url}${aspnet ? " (ASP.NET Core, Thrume's ChatHub)" : ''}
Demo:  ${pages.url}?user=alice
       ${pages.url}?user=bob
${
  aspnet
    ? 'The hub signs in by cookie, one person per browser: open the two addresses in two browsers (or one in a private\nwindow)'
    : 'Open the two addresses in two windows (or two browsers)'
} and call from one to the other. Ctrl-C stops.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([pages.close(), hub.stop()]);
    process.exit(0);
  });
}
