// Hub relay benchmark: ICE candidates relayed between the two bound connections of 500 connected calls
// (1,000 concurrent SignalR connections) through the reference hub, beside a bare `ws` relay floor
// (same pairing, same candidate payload, no SignalR framing, no auth) measured in the same run.
// The hub and the floor each run in their own process; this process is the load generator. The two
// are measured in alternating rounds, so that the load of a shared machine falls on both alike.
// Usage: node bench/relay.mjs [--pairs 500] [--rounds 4] [--seconds 2.5] [--warmup 1] [--window 1] [--rate 5000]
import { startHubProcess } from '../scripts/hub-process.mjs';
import { hubCommit } from './lib/hub-commit.mjs';
import { numberOption as option } from './lib/options.mjs';
import {
  RS,
  RawHubConnection,
  benchConversationId,
  benchUserId,
  closeSocket,
  devToken,
  machineLine,
  mapLimit,
  memoryOf,
  nowUs,
  openFloorConnection,
  startFloorProcess,
  writeBenchDirectory,
  wsVersion,
} from './lib/relay-kit.mjs';
import { candidateJson, closedLoopRound, fixedRateRound, mergeRounds, relayEndpoint } from './lib/relay-rounds.mjs';

const pairs = option('pairs', 500);
const rounds = option('rounds', 4); // alternating floor / hub rounds per phase
const seconds = option('seconds', 2.5); // counted per round: rounds * seconds (10 s) per server and phase
const warmupSeconds = option('warmup', 1); // per round, after one unmeasured round per server (JIT, buffers)
const window = option('window', 1); // candidates in flight per direction per pair (closed loop)
const rate = option('rate', 5000); // msg/s of the fixed-load phase, all connections together
const timing = { warmupSeconds, seconds };
const floorParts = candidateJson.split('@TS@');

/**
 * The SendIceCandidateAsync invocation with an invocation id, split around that id and the timestamp: what
 * the kit sends (connection.invoke: the hub answers each with a Completion). Without an id it is
 * relayEndpoint's own frame, what connection.send would send (fire and forget: no Completion).
 */
function invokeParts(callId) {
  const message = {
    type: 1,
    invocationId: '@ID@',
    target: 'SendIceCandidateAsync',
    arguments: [callId, candidateJson],
  };
  return (JSON.stringify(message) + RS).split(/@ID@|@TS@/);
}
function invokeFrame(callId) {
  const parts = invokeParts(callId);
  let id = 1;
  return (ts) => parts[0] + `r${id++}` + parts[1] + ts + parts[2];
}
const sampleTs = String(nowUs() + 1e9);
const payloadBytes = Buffer.byteLength(floorParts.join(sampleTs));
const sampleParts = invokeParts('00000000-0000-4000-8000-000000000000');
const hubMessageBytes = Buffer.byteLength(sampleParts[0] + 'r1234' + sampleParts[1] + sampleTs + sampleParts[2]);

/** An endpoint: `send(ts)` one candidate to its peer; `onRelay(ts)` is called for each one it receives. */
function floorEndpoint(ws) {
  const endpoint = {
    onRelay: () => {},
    activate() {},
    send: (ts) => ws.send(floorParts[0] + ts + floorParts[1]),
  };
  ws.on('message', (data) => {
    const text = data.toString();
    const i = text.indexOf('candidate:') + 10;
    endpoint.onRelay(parseInt(text.slice(i, text.indexOf(' ', i)), 10));
  });
  return endpoint;
}

/** The rounds of one server together, with its CPU per relayed message: what the machine's other load changes least. */
function merge(results) {
  const merged = mergeRounds(results);
  return { ...merged, cpuPerMessageUs: (1e6 * merged.seconds.server) / merged.count };
}

async function openFloor(floor) {
  const sockets = await mapLimit(
    Array.from({ length: 2 * pairs }, (_, i) => i),
    50,
    (i) => openFloorConnection(floor.url, Math.floor(i / 2)),
  );
  return { sockets, endpoints: sockets.map(floorEndpoint) };
}

/** 1,000 hub connections of 1,000 users, and a connected call between users 2k and 2k+1. */
async function openHub(hub) {
  const users = Array.from({ length: 2 * pairs }, (_, i) => benchUserId(i));
  const tokens = await mapLimit(users, 20, (userId) => devToken(hub.url, userId));
  let t = performance.now();
  const connections = await mapLimit(tokens, 25, (token) => RawHubConnection.open(hub.url, token));
  const connectSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const callIds = await mapLimit(
    Array.from({ length: pairs }, (_, k) => k),
    25,
    async (k) => {
      const [caller, callee] = [connections[2 * k], connections[2 * k + 1]];
      const incoming = callee.nextEvent('IncomingCall');
      const accepted = caller.nextEvent('CallAccepted');
      const callId = await caller.invoke('InitiateCallAsync', users[2 * k + 1], 'video', benchConversationId(k));
      if (typeof callId !== 'string')
        throw new Error(`InitiateCallAsync returned ${callId}: ${caller.errors.join('; ')}`);
      const [call] = await incoming;
      if (call.callId !== callId) throw new Error('IncomingCall for another call');
      await callee.invoke('AcceptCallAsync', callId);
      await accepted;
      return callId;
    },
  );
  const callSeconds = (performance.now() - t) / 1000;
  const callOf = (i) => callIds[Math.floor(i / 2)];
  return {
    connections,
    connectSeconds,
    callSeconds,
    invoke: connections.map((c, i) => relayEndpoint(c, callOf(i), invokeFrame(callOf(i)))),
    send: connections.map((c, i) => relayEndpoint(c, callOf(i))),
  };
}

const commit = hubCommit();

console.log(`hub relay benchmark, ${new Date().toISOString()}, hub at ${commit}`);
console.log(`${machineLine()}, ws ${wsVersion}`);

const directory = writeBenchDirectory(pairs);
const floorProcess = await startFloorProcess();
const hubProcess = await startHubProcess({
  THRUME_HUB_ENV: 'development',
  THRUME_HUB_MODE: 'extended',
  THRUME_DIRECTORY: directory.file,
  THRUME_CALL_RATE_PER_MINUTE: '10000',
});
let hubConnections = [];
const pinger = setInterval(() => {
  const now = performance.now();
  for (const connection of hubConnections) connection.pingIfIdle(now, 10_000);
}, 1000);
let result;
try {
  const floorSide = await openFloor(floorProcess);
  const hubSide = await openHub(hubProcess);
  hubConnections = hubSide.connections;
  const servers = {
    floor: { parts: { server: [floorProcess.pid] }, endpoints: floorSide.endpoints },
    hub: { parts: { server: [hubProcess.pid] }, endpoints: hubSide.invoke },
    hubSend: { parts: { server: [hubProcess.pid] }, endpoints: hubSide.send },
  };
  const closed = { floor: [], hub: [], hubSend: [] };
  for (const name of ['floor', 'hub', 'hubSend']) await closedLoopRound(servers[name], timing, window); // warm-up round, not counted
  for (let r = 0; r < rounds; r++)
    for (const name of ['floor', 'hub', 'hubSend'])
      closed[name].push(await closedLoopRound(servers[name], timing, window));
  const rss = { floor: memoryOf(floorProcess.pid).rss / 1024, hub: memoryOf(hubProcess.pid).rss / 1024 };
  const fixed = { floor: [], hub: [] };
  for (let r = 0; r < rounds; r++)
    for (const name of ['floor', 'hub']) fixed[name].push(await fixedRateRound(servers[name], rate, timing));
  const errors = hubSide.connections.flatMap((c) => c.errors);
  const dropped = hubSide.connections.filter((c) => c.closeMessage !== null || c.ws.readyState !== 1).length;

  clearInterval(pinger);
  await mapLimit(floorSide.sockets, 100, closeSocket);
  const t = performance.now();
  await hubProcess.stop(); // ends the calls in progress (each recorded in the history), closes the connections
  const stopSeconds = (performance.now() - t) / 1000;
  result = {
    closed: { floor: merge(closed.floor), hub: merge(closed.hub), hubSend: merge(closed.hubSend) },
    fixed: { floor: merge(fixed.floor), hub: merge(fixed.hub) },
    rss,
    errors,
    dropped,
    connectSeconds: hubSide.connectSeconds,
    callSeconds: hubSide.callSeconds,
    stopSeconds,
  };
} finally {
  clearInterval(pinger);
  await hubProcess.stop();
  await floorProcess.stop();
  directory.remove();
}

const { closed, fixed } = result;
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const int = (x) => Math.round(x).toLocaleString('en-US');
const row = (label, ...cells) => console.log(label.padEnd(38) + cells.map((c) => ` ${c}`.padStart(22)).join(''));
const inFlight = 2 * window * pairs;
console.log('');
console.log(
  `${2 * pairs} connections (${pairs} pairs, one connected call each); candidate payload ${payloadBytes} B, hub invocation ${hubMessageBytes} B.`,
);
console.log(
  `closed loop: each connection keeps ${window} candidate in flight to its peer, which sends one back on receipt (${inFlight} in flight);`,
);
console.log(
  `  both servers run saturated at the same concurrency, so msg/s is each one's capacity with this client, and latency is`,
);
console.log(
  `  queueing at saturation (about ${inFlight} / throughput). Latency below saturation: open loop at a fixed ${int(rate)} msg/s.`,
);
console.log(
  `one-way latency: receipt minus the send time carried in the payload (both ends are in this process, one clock).`,
);
console.log(
  `${rounds} alternating rounds per server and phase, ${seconds} s counted per round after ${warmupSeconds} s warm-up.`,
);
console.log(
  `hub "invoke": with invocationId, as the kit sends candidates (the hub also returns a Completion for each);`,
);
console.log(`hub "send": no invocationId (fire and forget), shown to isolate the cost of that Completion.`);
console.log(
  `CPU in % of one core (200 = both): the server under test, this load generator, and everything else on the machine.`,
);
console.log('');
row('', 'bare ws floor', 'hub, invoke', 'hub, send');
row(
  'closed loop: relayed msg/s',
  int(closed.floor.throughput),
  int(closed.hub.throughput),
  int(closed.hubSend.throughput),
);
row(
  '  per round, thousands',
  ...[closed.floor, closed.hub, closed.hubSend].map((x) => x.rounds.map((v) => (v / 1000).toFixed(1)).join(' ')),
);
row(
  '  ratio to the floor',
  '1',
  f2(closed.hub.throughput / closed.floor.throughput),
  f2(closed.hubSend.throughput / closed.floor.throughput),
);
row(
  '  server CPU per relayed msg, us',
  ...[closed.floor, closed.hub, closed.hubSend].map((x) => f1(x.cpuPerMessageUs)),
);
row(
  "  ratio of the floor's CPU per msg",
  '1',
  f2(closed.floor.cpuPerMessageUs / closed.hub.cpuPerMessageUs),
  f2(closed.floor.cpuPerMessageUs / closed.hubSend.cpuPerMessageUs),
);
row(
  '  one-way latency p50 / p99, ms',
  ...[closed.floor, closed.hub, closed.hubSend].map((x) => `${f1(x.p50)} / ${f1(x.p99)}`),
);
row(
  '  CPU server / load gen. / others, %',
  ...[closed.floor, closed.hub, closed.hubSend].map(
    (x) => `${int(x.percent.server)} / ${int(x.percent.client)} / ${int(x.percent.others)}`,
  ),
);
row(`fixed ${int(rate)} msg/s: relayed msg/s`, int(fixed.floor.throughput), int(fixed.hub.throughput), '-');
row('  one-way latency p50 / p99, ms', ...[fixed.floor, fixed.hub].map((x) => `${f2(x.p50)} / ${f2(x.p99)}`), '-');
row('  server CPU per relayed msg, us', ...[fixed.floor, fixed.hub].map((x) => f1(x.cpuPerMessageUs)), '-');
row(
  '  CPU server / load gen. / others, %',
  ...[fixed.floor, fixed.hub].map(
    (x) => `${int(x.percent.server)} / ${int(x.percent.client)} / ${int(x.percent.others)}`,
  ),
  '-',
);
row('server RSS after closed loop, MiB', f1(result.rss.floor), f1(result.rss.hub), '');
console.log('');
console.log(
  `throughput ratio hub/floor (invoke, as the kit): ${f2(closed.hub.throughput / closed.floor.throughput)} (target >= 0.7); ` +
    `by server CPU per message, less sensitive to the machine's other load: ${f2(closed.floor.cpuPerMessageUs / closed.hub.cpuPerMessageUs)}`,
);
console.log(
  `hub set-up: ${2 * pairs} connections (negotiate + WebSocket + handshake, 25 at a time) in ${f1(result.connectSeconds)} s; ` +
    `${pairs} calls (initiate + accept, 25 at a time) in ${f1(result.callSeconds)} s; stop with ${pairs} calls in progress: ${f1(result.stopSeconds)} s`,
);
if (result.errors.length > 0 || result.dropped > 0) {
  console.log(
    `hub errors: ${result.errors.length} (${[...new Set(result.errors)].slice(0, 3).join(' | ')}); connections closed early: ${result.dropped}`,
  );
}
