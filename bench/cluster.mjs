// Several hub nodes sharing one Redis, beside one hub node, measured in the same run:
// 1. relay: candidates between connected calls whose caller is on node A and callee on node B (every
//    message crosses nodes through Redis), beside the same calls on one hub without Redis: hop latency and
//    CPU per message at a fixed rate, and capacity in a closed loop; CPU of the hubs and of Redis apart;
// 2. call set-ups per second, ring to hang-up (bench/lib/cluster-setups.mjs), caller on A, callee on B,
//    beside the same on one hub;
// 3. VmRSS of one cluster node holding N idle authenticated SignalR connections, beside its own with none.
// Real processes: redis-server (scripts/redis-process.mjs), hubs (scripts/hub-process.mjs); this process is
// the load generator. One-node and cluster rounds alternate, so the machine's other load falls on both.
// Usage: node bench/cluster.mjs [--pairs 200] [--rate 5000] [--rounds 3] [--seconds 3] [--loop-seconds 2]
//        [--setup-pairs 40] [--setup-seconds 4] [--idle 10000]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { startHubProcess } from '../scripts/hub-process.mjs';
import { startRedis } from '../scripts/redis-process.mjs';
import { clusterServer, mergeRelay } from './lib/cluster-relay.mjs';
import { mergeSetUps, sdpBytes, setUpRound } from './lib/cluster-setups.mjs';
import { hubCommit } from './lib/hub-commit.mjs';
import { openFilesLimit, openWithoutNegotiate, signToken } from './lib/idle-connections.mjs';
import { numberOption as option } from './lib/options.mjs';
import {
  RawHubConnection,
  benchConversationId,
  benchUserId,
  devToken,
  machineLine,
  mapLimit,
  settledMemory,
  sleep,
  writeBenchDirectory,
  wsVersion,
} from './lib/relay-kit.mjs';
import { closedLoopRound, fixedRateRound, relayEndpoint } from './lib/relay-rounds.mjs';

const pairs = option('pairs', 200); // connected calls of the relay part
const rate = option('rate', 5000);
const rounds = option('rounds', 3);
const relayTiming = { warmupSeconds: 1, seconds: option('seconds', 3) };
const loopTiming = { warmupSeconds: 1, seconds: option('loop-seconds', 2) };
const setupPairs = option('setup-pairs', 40);
const setupTiming = { warmupSeconds: 1, seconds: option('setup-seconds', 4) };
const idle = option('idle', 10_000);

if (openFilesLimit() < idle + 2_000) {
  console.error(
    `ulimit -n is ${openFilesLimit()}: ${idle} connections need at least ${idle + 2_000} (ulimit -n 65536)`,
  );
  process.exit(2);
}

const secret = randomBytes(32).toString('hex');
const hubEnv = (directory, redisUrl) => ({
  THRUME_HUB_ENV: 'development',
  THRUME_HUB_MODE: 'extended',
  THRUME_DATA_DIR: 'memory',
  THRUME_JWT_SECRET: secret,
  THRUME_CALL_RATE_PER_MINUTE: '10000',
  THRUME_DIRECTORY: directory,
  THRUME_REDIS_URL: redisUrl, // '' is unset: one process
});

console.log(`several hub nodes, ${new Date().toISOString()}, hub at ${hubCommit()}`);
console.log(`${machineLine()}, ws ${wsVersion}, redis-server ${await redisVersion()}`);

const started = []; // every process, stopped by PID in the finally
const connections = []; // every client connection, pinged while idle
const pinger = setInterval(() => {
  const now = performance.now();
  for (const connection of connections) connection.pingIfIdle(now, 10_000);
}, 1000);
const directory = writeBenchDirectory(pairs + setupPairs); // relay pairs first, then the set-up pairs
const idleDirectory = writeBenchDirectory(Math.ceil(idle / 2));
const results = {};
try {
  const redis = await startRedis();
  started.push(redis);
  for (const url of ['', redis.url, redis.url]) started.push(await startHubProcess(hubEnv(directory.file, url)));
  const [, one, nodeA, nodeB] = started;
  const users = Array.from({ length: 2 * (pairs + setupPairs) }, (_, i) => benchUserId(i));
  const tokens = await mapLimit(users, 20, (userId) => devToken(one.url, userId)); // any node: one secret
  /** Pair k: user 2k (caller) on `callerHub`, user 2k+1 (callee) on `calleeHub`. */
  const openPairs = (callerHub, calleeHub, from, count) =>
    mapLimit(
      Array.from({ length: count }, (_, i) => from + i),
      20,
      async (k) => {
        const [caller, callee] = await Promise.all([
          RawHubConnection.open(callerHub.url, tokens[2 * k]),
          RawHubConnection.open(calleeHub.url, tokens[2 * k + 1]),
        ]);
        connections.push(caller, callee);
        return { caller, callee, calleeId: users[2 * k + 1], conversationId: benchConversationId(k) };
      },
    );
  const servers = {
    one: clusterServer('one node', [one.pid], null),
    cluster: clusterServer('A to B', [nodeA.pid, nodeB.pid], redis.pid),
  };
  const t = performance.now();
  for (const [name, [callerHub, calleeHub]] of Object.entries({ one: [one, one], cluster: [nodeA, nodeB] })) {
    const relayPairs = await openPairs(callerHub, calleeHub, 0, pairs);
    servers[name].endpoints = (await mapLimit(relayPairs, 20, connectCall)).flat();
    servers[name].pairs = await openPairs(callerHub, calleeHub, pairs, setupPairs);
  }
  results.setupSeconds = (performance.now() - t) / 1000;

  // 1. Relay. One uncounted closed-loop round each (JIT, buffers), then alternating rounds.
  for (const name of ['one', 'cluster']) await closedLoopRound(servers[name], loopTiming);
  const fixed = { one: [], cluster: [] };
  const closed = { one: [], cluster: [] };
  for (let r = 0; r < rounds; r++)
    for (const name of ['one', 'cluster']) fixed[name].push(await fixedRateRound(servers[name], rate, relayTiming));
  for (let r = 0; r < rounds; r++)
    for (const name of ['one', 'cluster']) closed[name].push(await closedLoopRound(servers[name], loopTiming));
  results.fixed = { one: mergeRelay(fixed.one), cluster: mergeRelay(fixed.cluster) };
  results.closed = { one: mergeRelay(closed.one), cluster: mergeRelay(closed.cluster) };

  // 2. Call set-ups: an uncounted short round each, then alternating rounds.
  for (const name of ['one', 'cluster']) await setUpRound(servers[name], { warmupSeconds: 1, seconds: 1 });
  const setups = { one: [], cluster: [] };
  for (let r = 0; r < rounds; r++)
    for (const name of ['one', 'cluster']) setups[name].push(await setUpRound(servers[name], setupTiming));
  results.setups = { one: mergeSetUps(setups.one), cluster: mergeSetUps(setups.cluster) };
  results.errors = connections.flatMap((c) => c.errors);
  results.dropped = connections.filter((c) => c.closeMessage !== null || c.ws.readyState !== 1).length;

  // 3. Memory: the relay hubs stop first (their clients go), then a fresh node joins the same Redis.
  await Promise.all([one, nodeA, nodeB].map((hub) => hub.stop()));
  for (const connection of connections.splice(0)) connection.ws.terminate();
  // Compiled, as production runs it: tsx alone holds about 45 MiB more.
  execFileSync('npm', ['run', 'build', '--workspace', 'hub'], { stdio: 'ignore' });
  const node = await startHubProcess(hubEnv(idleDirectory.file, redis.url), { built: true });
  started.push(node);
  await sleep(3000);
  const before = await settledMemory(node.pid);
  const idleTokens = Array.from({ length: idle }, (_, i) => signToken(secret, benchUserId(i), `bench${i}`));
  const t1 = performance.now();
  const idleConnections = await mapLimit(idleTokens, 50, (token) => openWithoutNegotiate(node.url, token));
  connections.push(...idleConnections);
  const openSeconds = (performance.now() - t1) / 1000;
  await sleep(3000);
  const after = await settledMemory(node.pid);
  const open = idleConnections.filter((c) => c.ws.readyState === 1 && c.closeMessage === null).length;
  results.memory = { before, after, openSeconds, open };
} finally {
  clearInterval(pinger);
  for (const child of started.reverse()) await child.stop();
  for (const connection of connections) connection.ws.terminate();
  directory.remove();
  idleDirectory.remove();
}

/** Initiate + accept for a pair: its two relay endpoints. */
async function connectCall({ caller, callee, calleeId, conversationId }) {
  const incoming = callee.nextEvent('IncomingCall');
  const accepted = caller.nextEvent('CallAccepted');
  const callId = await caller.invoke('InitiateCallAsync', calleeId, 'video', conversationId);
  if (typeof callId !== 'string') throw new Error(`InitiateCallAsync returned ${callId}: ${caller.errors.join('; ')}`);
  await incoming;
  await callee.invoke('AcceptCallAsync', callId);
  await accepted;
  return [relayEndpoint(caller, callId), relayEndpoint(callee, callId)];
}

async function redisVersion() {
  const { execFileSync } = await import('node:child_process');
  try {
    return /v=(\S+)/.exec(execFileSync('redis-server', ['--version'], { encoding: 'utf8' }))?.[1] ?? '?';
  } catch {
    return 'not found';
  }
}

// The report.
const { fixed, closed, setups, memory } = results;
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const int = (x) => Math.round(x).toLocaleString('en-US');
const mib = (kib) => kib / 1024;
const cpu = (x) =>
  `${int(x.percent.hub)} / ${int(x.percent.redis)} / ${int(x.percent.client)} / ${int(x.percent.others)}`;
console.log('');
console.log(
  `relay: ${pairs} connected calls (${2 * pairs} connections) per server; "A to B": caller on node A, callee on node B, so`,
);
console.log(
  `  every candidate crosses nodes; "one node": one hub without THRUME_REDIS_URL. Candidates as the kit sends`,
);
console.log(
  `  them (no invocationId). ${rounds} alternating rounds per server and phase: fixed ${int(rate)} msg/s round robin`,
);
console.log(
  `  (${relayTiming.seconds} s counted after ${relayTiming.warmupSeconds} s), and a closed loop with one candidate in flight per connection (${loopTiming.seconds} s).`,
);
console.log(
  `set-ups: ${setupPairs} pairs, each one set-up after another: ring, accept, offer, answer (${int(sdpBytes)} B each),`,
);
console.log(`  10 candidates each way, hang-up; ${rounds} alternating rounds of ${setupTiming.seconds} s per server.`);
console.log(`CPU in % of one core (200 = both): hubs / Redis / this load generator / the rest of the machine.`);
console.log('');
const col = (label, ...cells) => console.log(label.padEnd(40) + cells.map((c) => String(c).padStart(20)).join(''));
col('', 'one node', 'A to B');
col(`fixed ${int(rate)} msg/s: relayed msg/s`, int(fixed.one.throughput), int(fixed.cluster.throughput));
col('  hop latency p50 / p99, ms', ...[fixed.one, fixed.cluster].map((x) => `${f2(x.p50)} / ${f2(x.p99)}`));
col('  hub CPU per msg, us', ...[fixed.one, fixed.cluster].map((x) => f1(x.hubUs)));
col('  hub + Redis CPU per msg, us', f1(fixed.one.hubUs), f1(fixed.cluster.hubRedisUs));
col('  CPU %', cpu(fixed.one), cpu(fixed.cluster));
col('closed loop: relayed msg/s', int(closed.one.throughput), int(closed.cluster.throughput));
col('  per round, thousands', ...[closed.one, closed.cluster].map((x) => x.rounds.map((v) => f1(v / 1000)).join(' ')));
col('  hop latency p50 / p99, ms', ...[closed.one, closed.cluster].map((x) => `${f1(x.p50)} / ${f1(x.p99)}`));
col('  hub CPU per msg, us', ...[closed.one, closed.cluster].map((x) => f1(x.hubUs)));
col('  hub + Redis CPU per msg, us', f1(closed.one.hubUs), f1(closed.cluster.hubRedisUs));
col('  CPU %', cpu(closed.one), cpu(closed.cluster));
col('set-ups per second', int(setups.one.perSecond), int(setups.cluster.perSecond));
col('  per round', ...[setups.one, setups.cluster].map((x) => x.rounds.map(int).join(' ')));
col('  duration p50 / p99, ms', ...[setups.one, setups.cluster].map((x) => `${f1(x.p50)} / ${f1(x.p99)}`));
col('  hub CPU per set-up, ms', ...[setups.one, setups.cluster].map((x) => f2(x.hubMs)));
col('  hub + Redis CPU per set-up, ms', f2(setups.one.hubMs), f2(setups.cluster.hubRedisMs));
col('  CPU %', cpu(setups.one), cpu(setups.cluster));
console.log('');
console.log(
  `memory: one cluster node, compiled (node hub/dist/main.js), ${int(idle)} idle connections (skipNegotiation WebSocket, access_token, handshake; one user each),`,
);
console.log(
  `  opened 50 at a time in ${f1(memory.openSeconds)} s, ${int(memory.open)} open at the reading; VmRSS median of 5 readings 3 s after.`,
);
console.log(
  `  node VmRSS ${f1(mib(memory.before.rss))} -> ${f1(mib(memory.after.rss))} MiB (RssAnon ${f1(mib(memory.before.anon))} -> ${f1(mib(memory.after.anon))}), ` +
    `${f1((memory.after.rss - memory.before.rss) / idle)} KiB per connection.`,
);
console.log(
  `set-up of the run: ${4 * (pairs + setupPairs)} connections and ${2 * pairs} calls in ${f1(results.setupSeconds)} s.`,
);
const setupErrors = [...setups.one.errors, ...setups.cluster.errors];
if (results.errors.length + setupErrors.length + results.dropped > 0)
  console.log(
    `errors: hub ${results.errors.length}, set-ups ${setupErrors.length} (${[...new Set([...results.errors, ...setupErrors])].slice(0, 3).join(' | ')}); connections closed early: ${results.dropped}`,
  );

console.log('');
const rows = [
  ['hub CPU per msg at 5k msg/s, us', fixed.cluster.hubUs, fixed.one.hubUs, 'ratio', 1.5],
  ['hub + Redis CPU per msg at 5k msg/s, us', fixed.cluster.hubRedisUs, fixed.one.hubUs, 'ratio', 1.5],
  ['hop p99 at 5k msg/s, ms', fixed.cluster.p99, fixed.one.p99, 'below', 10],
  ['hop p50 at 5k msg/s, ms', fixed.cluster.p50, fixed.one.p50, null],
  ['closed-loop relayed msg/s', closed.cluster.throughput, closed.one.throughput, null],
  ['hub + Redis CPU per msg, closed loop, us', closed.cluster.hubRedisUs, closed.one.hubUs, 'ratio', 1.5],
  ['call set-ups per second', setups.cluster.perSecond, setups.one.perSecond, 'atLeast', 200],
  [`VmRSS, ${int(idle)} idle connections, MiB`, mib(memory.after.rss), mib(memory.before.rss), 'below', 200],
];
const table = (...cells) => console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 42 : 14)).join('| '));
table('figure (several nodes)', 'figure', 'floor', 'ratio', 'goal', 'met?');
const goalText = { ratio: (g) => `ratio <= ${g}`, below: (g) => `< ${g}`, atLeast: (g) => `>= ${g}` };
for (const [label, figure, floor, kind, goal] of rows) {
  const ratio = figure / floor;
  const met =
    kind === 'ratio' ? ratio <= goal : kind === 'below' ? figure < goal : kind === 'atLeast' ? figure >= goal : null;
  const show = (x) => (x >= 100 ? int(x) : x.toFixed(x >= 10 ? 1 : 2));
  table(
    label,
    show(figure),
    show(floor),
    f2(ratio),
    kind ? goalText[kind](goal) : '-',
    met === null ? '-' : met ? 'yes' : 'NO',
  );
}
console.log(
  'floor: the one-node figure of the same workload in this run; for VmRSS, the same node with 0 connections.',
);
