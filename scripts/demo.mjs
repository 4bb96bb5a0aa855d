// The main job: the reference hub plus the demo pages, where two people call each other.
// Open the two printed addresses in two browser windows. Ctrl-C stops both.
// With --aspnet, the pages call through Microsoft's SignalR server instead: the ASP.NET app that hosts
// Thrume's ChatHub (interop/aspnet, needs the .NET SDK), signed in by cookie as Thrume's app does.
// With --cluster, the hub is two nodes sharing a throwaway Redis and PostgreSQL, behind the proxy of
// scripts/cluster-proxy.mjs on the hub's port: alice and bob may well be on different nodes.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { startHubProcess } from './hub-process.mjs';
import { startAspnetApp } from './aspnet-app.mjs';
import { startClusterProxy } from './cluster-proxy.mjs';
import { serveDemo } from './demo-server.mjs';
import { startPostgres } from './postgres-process.mjs';
import { startRedis } from './redis-process.mjs';

const aspnet = process.argv.includes('--aspnet');
const cluster = process.argv.includes('--cluster');
if (aspnet && cluster) {
  console.error('--aspnet and --cluster do not go together: the cluster is of reference hub nodes.');
  process.exit(2);
}
const hubPort = process.env.THRUME_HUB_PORT ?? '5050';
const hub = aspnet
  ? await startAspnetApp({ port: Number(hubPort) })
  : cluster
    ? await startCluster(Number(hubPort))
    : await startHubProcess({ THRUME_HUB_PORT: hubPort, THRUME_DATA_DIR: process.env.THRUME_DATA_DIR ?? 'hub/.data' });
const pages = await serveDemo(hub.url, Number(process.env.THRUME_DEMO_PORT ?? 5173), {
  auth: aspnet ? 'cookie' : 'token',
});
console.log(`Hub:   ${hub.url}${aspnet ? " (ASP.NET Core, Thrume's ChatHub)" : cluster ? hub.describe() : ''}
Demo:  ${pages.url}?user=alice
       ${pages.url}?user=bob
${
  aspnet
    ? 'The hub signs in by cookie, one person per browser: open the two addresses in two browsers (or one in a private\nwindow)'
    : 'Open the two addresses in two windows (or two browsers)'
} and call from one to the other. Ctrl-C stops.`);

// Vite exits the process on SIGTERM once the pages are closed, before the hub has stopped: this does it all.
process.removeAllListeners('SIGTERM');
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([pages.close(), hub.stop()]);
    process.exit(0);
  });
}

/**
 * Redis and PostgreSQL (throwaway, on free loopback ports), two hub nodes sharing them and a JWT secret
 * made for this run, and the cluster proxy in front of the nodes on `port`. `stop()` stops them all by
 * PID: the proxy first, the databases last.
 */
async function startCluster(port) {
  // `npm run demo` set up without knowing of --cluster: this installs redis-server and postgresql, or says to.
  if (spawnSync('sh', ['scripts/setup.sh', 'cluster'], { stdio: 'inherit' }).status !== 0) process.exit(1);
  let redis, postgres, proxy;
  const nodes = [];
  const stop = async () => {
    await proxy?.stop();
    await Promise.all(nodes.map((node) => node.stop()));
    await Promise.all([postgres?.stop(), redis?.stop()]);
  };
  try {
    redis = await startRedis();
    postgres = await startPostgres();
    const env = {
      THRUME_REDIS_URL: redis.url,
      THRUME_DATABASE_URL: postgres.url,
      THRUME_JWT_SECRET: randomBytes(32).toString('base64url'),
    };
    for (let i = 0; i < 2; i++) nodes.push(await startHubProcess(env));
    const urls = nodes.map((node) => node.url);
    proxy = await startClusterProxy(urls, { port });
  } catch (error) {
    await stop();
    throw error;
  }
  const describe = () =>
    [
      ` (the cluster proxy, in front of ${nodes.length} hub nodes)`,
      ...nodes.map((node, i) => `       node ${i + 1}: ${node.url} (PID ${node.pid})`),
      `       sharing Redis ${redis.url} (PID ${redis.pid}) and PostgreSQL ${postgres.url} (PID ${postgres.pid})`,
    ].join('\n');
  return { url: proxy.url, describe, stop };
}
