// Memory per idle connection, beside the bare `ws` floor (bench/lib/ws-floor-server.mjs) with the same N.
// 1. Resident memory: VmRSS of the hub process as `npm run hub` runs it, read from /proc/<pid>/status by its
//    PID (the hub has no endpoint that reports process.memoryUsage(), and none is added), before and after
//    opening N idle authenticated SignalR connections (negotiate + WebSocket + handshake, one user each),
//    divided by N. No GC can be forced from outside, so each reading is the median of five after a pause;
//    a second figure takes the second half of the connections only (the slope). Both move with GC timing.
// 2. Live JS heap: the same hub code started by bench/lib/hub-heap-host.mjs with --expose-gc and an IPC
//    channel reports process.memoryUsage() after full GCs (the floor likewise), after warm-up connections.
// Usage: node bench/memory.mjs [N=1000]
import { startHubProcess } from '../scripts/hub-process.mjs';
import { hubCommit } from './lib/hub-commit.mjs';
import {
  RawHubConnection,
  benchUserId,
  closeSocket,
  devToken,
  machineLine,
  mapLimit,
  openFloorConnection,
  settledMemory,
  sleep,
  startFloorProcess,
  startHubHeapHost,
  writeBenchDirectory,
  wsVersion,
} from './lib/relay-kit.mjs';

const n = Number(process.argv[2] ?? 1000);
const half = Math.floor(n / 2);
const settleMs = 3000;
const warm = 20; // connections opened before the first heap reading, so that lazily compiled code is not counted

/** Readings before, after the first half and after all N connections; `open(i)` opens connection i. */
async function measure(pid, open) {
  await sleep(settleMs);
  const before = await settledMemory(pid);
  const first = await mapLimit(
    Array.from({ length: half }, (_, i) => i),
    25,
    open,
  );
  await sleep(settleMs);
  const middle = await settledMemory(pid);
  const second = await mapLimit(
    Array.from({ length: n - half }, (_, i) => half + i),
    25,
    open,
  );
  await sleep(settleMs);
  const after = await settledMemory(pid);
  return { before, middle, after, connections: [...first, ...second] };
}

/** Heap readings (after full GCs, asked over IPC) after `warm` connections and after N more. */
async function measureHeap(server, open) {
  const warmed = await mapLimit(
    Array.from({ length: warm }, (_, i) => i),
    25,
    open,
  );
  await sleep(1000);
  const before = await server.memory();
  const opened = await mapLimit(
    Array.from({ length: n }, (_, i) => warm + i),
    25,
    open,
  );
  await sleep(1000);
  const after = await server.memory();
  return { before, after, connections: [...warmed, ...opened] };
}

const commit = hubCommit();
console.log(`memory per idle connection, ${new Date().toISOString()}, hub at ${commit}`);
console.log(`${machineLine()}, ws ${wsVersion}`);

const users = Math.ceil((n + warm) / 2); // pairs in the generated directory: one user per connection
const directory = writeBenchDirectory(users);
let hubConnections = [];
const pinger = setInterval(() => {
  const now = performance.now();
  for (const connection of hubConnections) connection.pingIfIdle(now, 10_000);
}, 1000);
const results = {};
try {
  // 1. VmRSS of the hub as `npm run hub` runs it; tokens minted before the first reading.
  const hub = await startHubProcess({
    THRUME_HUB_ENV: 'development',
    THRUME_HUB_MODE: 'extended',
    THRUME_DIRECTORY: directory.file,
  });
  try {
    const tokens = await mapLimit(
      Array.from({ length: n }, (_, i) => benchUserId(i)),
      20,
      (userId) => devToken(hub.url, userId),
    );
    results.hubRss = await measure(hub.pid, (i) => RawHubConnection.open(hub.url, tokens[i]));
    hubConnections = results.hubRss.connections;
    results.hubRss.dropped = hubConnections.filter((c) => c.ws.readyState !== 1).length;
  } finally {
    await hub.stop();
    hubConnections = [];
  }
  const floor = await startFloorProcess();
  try {
    results.floorRss = await measure(floor.pid, (i) => openFloorConnection(floor.url, Math.floor(i / 2)));
    await mapLimit(results.floorRss.connections, 100, closeSocket);
  } finally {
    await floor.stop();
  }

  // 2. Live JS heap after full GCs.
  const heapHub = await startHubHeapHost({
    THRUME_HUB_ENV: 'development',
    THRUME_HUB_MODE: 'extended',
    THRUME_DIRECTORY: directory.file,
  });
  try {
    const tokens = await mapLimit(
      Array.from({ length: n + warm }, (_, i) => benchUserId(i)),
      20,
      (userId) => devToken(heapHub.url, userId),
    );
    results.hubHeap = await measureHeap(heapHub, (i) => RawHubConnection.open(heapHub.url, tokens[i]));
    hubConnections = results.hubHeap.connections;
  } finally {
    await heapHub.stop();
    hubConnections = [];
  }
  const heapFloor = await startFloorProcess({ exposeGc: true });
  try {
    results.floorHeap = await measureHeap(heapFloor, (i) => openFloorConnection(heapFloor.url, Math.floor(i / 2)));
    await mapLimit(results.floorHeap.connections, 100, closeSocket);
  } finally {
    await heapFloor.stop();
  }
} finally {
  clearInterval(pinger);
  directory.remove();
}

const { hubRss, floorRss, hubHeap, floorHeap } = results;
if (hubRss.dropped > 0) console.log(`warning: ${hubRss.dropped} hub connections closed during the measurement`);
const mib = (kib) => `${(kib / 1024).toFixed(1)} MiB`;
const per = (a, b, count, field) => (b[field] - a[field]) / count; // KiB per connection (/proc readings are in KiB)
const perHeap = (r, field) => (r.after[field] - r.before[field]) / 1024 / n; // bytes -> KiB per connection
const kib = (x) => `${x.toFixed(1)} KiB`;
const row = (label, ...cells) => console.log(label.padEnd(46) + cells.map((c) => c.padStart(16)).join(''));
console.log('');
console.log(
  `${n} idle connections; hub: negotiate + WebSocket + handshake, one user each, Bearer token; floor: plain WebSocket.`,
);
console.log(
  `VmRSS: median of 5 readings over 1.6 s, ${settleMs / 1000} s after the last connection opened (RssAnon: anonymous memory only).`,
);
console.log('');
row('', 'bare ws floor', 'hub (SignalR)', 'hub / floor');
row('VmRSS before', mib(floorRss.before.rss), mib(hubRss.before.rss));
row(`VmRSS with ${n} idle connections`, mib(floorRss.after.rss), mib(hubRss.after.rss));
const rssAll = [floorRss, hubRss].map((r) => per(r.before, r.after, n, 'rss'));
const anonAll = [floorRss, hubRss].map((r) => per(r.before, r.after, n, 'anon'));
const rssSlope = [floorRss, hubRss].map((r) => per(r.middle, r.after, n - half, 'rss'));
row(`per connection, all ${n} (VmRSS)`, ...rssAll.map(kib), (rssAll[1] / rssAll[0]).toFixed(1));
row(`per connection, all ${n} (RssAnon)`, ...anonAll.map(kib), (anonAll[1] / anonAll[0]).toFixed(1));
row(`per connection, last ${n - half} only (VmRSS)`, ...rssSlope.map(kib), (rssSlope[1] / rssSlope[0]).toFixed(1));
const heapUsed = [floorHeap, hubHeap].map((r) => perHeap(r, 'heapUsed'));
const heapRss = [floorHeap, hubHeap].map((r) => perHeap(r, 'rss'));
row(`live JS heap per connection after full GC`, ...heapUsed.map(kib), (heapUsed[1] / heapUsed[0]).toFixed(1));
row(`  (VmRSS per connection in that same run)`, ...heapRss.map(kib), (heapRss[1] / heapRss[0]).toFixed(1));
