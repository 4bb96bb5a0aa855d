// Hub relay benchmark: ICE candidates relayed between the two bound connections of 500 connected calls
// (1,000 concurrent SignalR connections) through the reference hub, beside a bare `ws` relay floor
// (same pairing, same candidate payload, no SignalR framing, no auth) measured in the same run.
// The hub and the floor each run in their own process; this process is the load generator. The two
// are measured in alternating rounds, so that the load of a shared machine falls on both alike.
// Usage: node bench/relay.mjs [--pairs 500] [--rounds 4] [--seconds 2.5] [--warmup 1] [--window 1] [--rate 5000]
import { startHubProcess } from '../scripts/hub-process.mjs';
import { hubCommit } from './lib/hub-commit.mjs';
import {
  RS,
  RawHubConnection,
  benchConversationId,
  benchUserId,
  closeSocket,
  cpuSecondsOf,
  machineBusySeconds,
  devToken,
  machineLine,
  mapLimit,
  memoryOf,
  nowUs,
  openFloorConnection,
  percentile,
  sleep,
  startFloorProcess,
  writeBenchDirectory,
  wsVersion,
} from './lib/relay-kit.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(argv[i + 1]);
};
const pairs = option('pairs', 500);
const rounds = option('rounds', 4); // alternating floor / hub rounds per phase
const seconds = option('seconds', 2.5); // counted per round: rounds * seconds (10 s) per server and phase
const warmupSeconds = option('warmup', 1); // per round, after one unmeasured round per server (JIT, buffers)
const window = option('window', 1); // candidates in flight per direction per pair (closed loop)
const rate = option('rate', 5000); // msg/s of the fixed-load phase, all connections together

// A realistic RTCIceCandidateInit (what RTCIceCandidate.toJSON() gives in Chromium); the foundation is
// replaced by the send time in microseconds, the timestamp the receiver reads back.
const candidateText =
  'candidate:@TS@ 1 udp 1677729535 203.0.113.7 54321 typ srflx raddr 192.168.1.10 rport 54321 generation 0 ufrag EsAw network-cost 999';
const candidateJson = JSON.stringify({
  candidate: candidateText,
  sdpMid: '0',
  sdpMLineIndex: 0,
  usernameFragment: 'EsAw',
});
const floorParts = candidateJson.split('@TS@');

/**
 * The SendIceCandidateAsync invocation, split around the invocation id and the timestamp. With an id it
 * is what the kit sends (connection.invoke: the hub answers each with a Completion); without, what
 * connection.send would send (fire and forget: no Completion).
 */
function hubParts(callId, withInvocationId) {
  const message = withInvocationId
    ? { type: 1, invocationId: '@ID@', target: 'SendIceCandidateAsync', arguments: [callId, candidateJson] }
    : { type: 1, target: 'SendIceCandidateAsync', arguments: [callId, candidateJson] };
  return (JSON.stringify(message) + RS).split(/@ID@|@TS@/);
}
const sampleTs = String(nowUs() + 1e9);
const payloadBytes = Buffer.byteLength(floorParts.join(sampleTs));
const sampleParts = hubParts('00000000-0000-4000-8000-000000000000', true);
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

function hubEndpoint(connection, callId, withInvocationId) {
  const parts = hubParts(callId, withInvocationId);
  let id = 1;
  const endpoint = {
    onRelay: () => {},
    activate() {
      connection.onCandidate = (ts) => endpoint.onRelay(ts);
    },
    send: withInvocationId
      ? (ts) => connection.send(parts[0] + `r${id++}` + parts[1] + ts + parts[2])
      : (ts) => connection.send(parts[0] + ts + parts[1]),
  };
  return endpoint;
}

/** Measures one round: `start` the load, warm up, count what is relayed for `seconds`, `stop`, drain. */
async function measureRound(server, warmupMs, start) {
  const latencies = new Float64Array(200_000 * seconds);
  const state = { measuring: false, count: 0, n: 0 };
  const record = (ts) => {
    const now = nowUs();
    if (state.measuring) {
      state.count++;
      if (state.n < latencies.length) latencies[state.n++] = now - ts;
    }
    return now;
  };
  for (const endpoint of server.endpoints) endpoint.activate();
  const stop = start(record);
  await sleep(warmupMs);
  const cpu0 = { server: cpuSecondsOf(server.pid), client: cpuSecondsOf(process.pid), machine: machineBusySeconds() };
  const t0 = performance.now();
  state.measuring = true;
  await sleep(seconds * 1000);
  state.measuring = false;
  const elapsedMs = performance.now() - t0;
  const cpu = { server: cpuSecondsOf(server.pid) - cpu0.server, client: cpuSecondsOf(process.pid) - cpu0.client };
  cpu.others = machineBusySeconds() - cpu0.machine - cpu.server - cpu.client; // other engineers' work on the machine
  stop();
  await sleep(500); // let what is in flight arrive, uncounted
  return { count: state.count, elapsedMs, latencies: latencies.slice(0, state.n), cpu };
}

/**
 * Closed loop: every connection starts `window` candidates towards its peer, and each connection sends
 * a new candidate back for each one it receives, so exactly 2 * window * pairs are in flight.
 */
function closedLoop(server) {
  return measureRound(server, warmupSeconds * 1000, (record) => {
    let running = true;
    for (const endpoint of server.endpoints) {
      endpoint.onRelay = (ts) => {
        const now = record(ts);
        if (running) endpoint.send(now);
      };
    }
    for (let w = 0; w < window; w++) for (const endpoint of server.endpoints) endpoint.send(nowUs());
    return () => (running = false);
  });
}

/** Open loop: `rate` candidates per second in all, round robin over the connections; nobody answers. */
function fixedRate(server) {
  return measureRound(server, warmupSeconds * 1000, (record) => {
    for (const endpoint of server.endpoints) endpoint.onRelay = record;
    const start = performance.now();
    let sent = 0;
    let next = 0;
    const ticker = setInterval(() => {
      const due = Math.floor((rate * (performance.now() - start)) / 1000) - sent;
      for (let i = 0; i < due; i++) {
        server.endpoints[next].send(nowUs());
        next = (next + 1) % server.endpoints.length;
      }
      sent += due;
    }, 5);
    return () => clearInterval(ticker);
  });
}

function merge(results) {
  const elapsedMs = results.reduce((s, r) => s + r.elapsedMs, 0);
  const all = new Float64Array(results.reduce((s, r) => s + r.latencies.length, 0));
  let offset = 0;
  for (const r of results) {
    all.set(r.latencies, offset);
    offset += r.latencies.length;
  }
  all.sort();
  return {
    throughput: (results.reduce((s, r) => s + r.count, 0) * 1000) / elapsedMs,
    rounds: results.map((r) => (r.count * 1000) / r.elapsedMs),
    p50: percentile(all, 50) / 1000,
    p99: percentile(all, 99) / 1000,
    serverCpu: (100 * results.reduce((s, r) => s + r.cpu.server, 0) * 1000) / elapsedMs,
    // Server CPU per relayed message: what the machine's other load changes least.
    cpuPerMessageUs: (1e6 * results.reduce((s, r) => s + r.cpu.server, 0)) / results.reduce((s, r) => s + r.count, 0),
    clientCpu: (100 * results.reduce((s, r) => s + r.cpu.client, 0) * 1000) / elapsedMs,
    othersCpu: Math.max(0, (100 * results.reduce((s, r) => s + r.cpu.others, 0) * 1000) / elapsedMs),
  };
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
  const endpoints = (withId) => connections.map((c, i) => hubEndpoint(c, callIds[Math.floor(i / 2)], withId));
  return { connections, connectSeconds, callSeconds, invoke: endpoints(true), send: endpoints(false) };
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
    floor: { pid: floorProcess.pid, endpoints: floorSide.endpoints },
    hub: { pid: hubProcess.pid, endpoints: hubSide.invoke },
    hubSend: { pid: hubProcess.pid, endpoints: hubSide.send },
  };
  const closed = { floor: [], hub: [], hubSend: [] };
  for (const name of ['floor', 'hub', 'hubSend']) await closedLoop(servers[name]); // warm-up round, not counted
  for (let r = 0; r < rounds; r++)
    for (const name of ['floor', 'hub', 'hubSend']) closed[name].push(await closedLoop(servers[name]));
  const rss = { floor: memoryOf(floorProcess.pid).rss / 1024, hub: memoryOf(hubProcess.pid).rss / 1024 };
  const fixed = { floor: [], hub: [] };
  for (let r = 0; r < rounds; r++)
    for (const name of ['floor', 'hub']) fixed[name].push(await fixedRate(servers[name]));
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
    (x) => `${int(x.serverCpu)} / ${int(x.clientCpu)} / ${int(x.othersCpu)}`,
  ),
);
row(`fixed ${int(rate)} msg/s: relayed msg/s`, int(fixed.floor.throughput), int(fixed.hub.throughput), '-');
row('  one-way latency p50 / p99, ms', ...[fixed.floor, fixed.hub].map((x) => `${f2(x.p50)} / ${f2(x.p99)}`), '-');
row('  server CPU per relayed msg, us', ...[fixed.floor, fixed.hub].map((x) => f1(x.cpuPerMessageUs)), '-');
row(
  '  CPU server / load gen. / others, %',
  ...[fixed.floor, fixed.hub].map((x) => `${int(x.serverCpu)} / ${int(x.clientCpu)} / ${int(x.othersCpu)}`),
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
