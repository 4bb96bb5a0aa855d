// Shared by bench/relay.mjs, bench/cluster.mjs and bench/lib/cluster-setups.mjs: the relayed ICE candidate,
// the rounds that relay it (at a fixed rate or in a closed loop) and what they measure: latency, and the CPU
// of each part of the server over the counted window. A "server" is { parts, endpoints }: `parts` names
// its processes by role ({ server: [pid] }, or { hub: pids, redis: [pid] }), so that each one's CPU is
// read apart; `client` (this load generator) and `others` (the rest of the machine) come with every reading.
import { RS, cpuSecondsOf, machineBusySeconds, nowUs, percentile, sleep } from './relay-kit.mjs';

// A realistic RTCIceCandidateInit (what RTCIceCandidate.toJSON() gives in Chromium); the foundation is
// replaced by the send time in microseconds, the timestamp the receiver reads back.
const candidateText =
  'candidate:@TS@ 1 udp 1677729535 203.0.113.7 54321 typ srflx raddr 192.168.1.10 rport 54321 generation 0 ufrag EsAw network-cost 999';
export const candidateJson = JSON.stringify({
  candidate: candidateText,
  sdpMid: '0',
  sdpMLineIndex: 0,
  usernameFragment: 'EsAw',
});

/** `(ts) => frame`: the SendIceCandidateAsync invocation of `callId` without invocationId, carrying `ts`. */
export function candidateFrame(callId) {
  const message = { type: 1, target: 'SendIceCandidateAsync', arguments: [callId, candidateJson] };
  const [before, after] = (JSON.stringify(message) + RS).split('@TS@');
  return (ts) => before + ts + after;
}

/**
 * An endpoint of a connected call on a RawHubConnection: `send(ts)` one candidate to the peer, framed by
 * `frame(ts)` (the kit's way, without invocationId, unless told otherwise); `onRelay(ts)` for each one received.
 */
export function relayEndpoint(connection, callId, frame = candidateFrame(callId)) {
  const endpoint = {
    onRelay: () => {},
    activate: () => (connection.onCandidate = (ts) => endpoint.onRelay(ts)),
    send: (ts) => connection.send(frame(ts)),
  };
  return endpoint;
}

/** CPU seconds so far of each part of the server, of this process and of the whole machine. */
function cpuNow({ parts }) {
  const reading = { client: cpuSecondsOf(process.pid), machine: machineBusySeconds() };
  for (const [part, pids] of Object.entries(parts))
    reading[part] = pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
  return reading;
}

/**
 * Waits `warmupSeconds`, then counts for `seconds`: `state.measuring` is true over exactly the window whose
 * duration and CPU it resolves with, so that what is counted and the CPU it cost cover the same time.
 */
export async function measureWindow(server, { warmupSeconds, seconds }, state) {
  await sleep(warmupSeconds * 1000);
  const before = cpuNow(server);
  const t0 = performance.now();
  state.measuring = true;
  await sleep(seconds * 1000);
  state.measuring = false;
  const elapsedMs = performance.now() - t0;
  const now = cpuNow(server);
  const cpu = {};
  for (const part of [...Object.keys(server.parts), 'client']) cpu[part] = now[part] - before[part];
  // Whatever else the machine did meanwhile (other engineers' work on a shared machine).
  cpu.others = now.machine - before.machine - Object.values(cpu).reduce((sum, s) => sum + s, 0);
  return { elapsedMs, cpu };
}

/** One round: `start(record)` the load, warm up, count what is relayed for `seconds`, stop, let it drain. */
async function measureRound(server, timing, start) {
  const latencies = new Float64Array(Math.ceil(200_000 * timing.seconds));
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
  const { elapsedMs, cpu } = await measureWindow(server, timing, state);
  stop();
  await sleep(500); // what is in flight arrives, uncounted
  return { count: state.count, elapsedMs, latencies: latencies.slice(0, state.n), cpu };
}

/** Open loop: `rate` candidates per second in all, round robin over the endpoints; nobody answers. */
export function fixedRateRound(server, rate, timing) {
  return measureRound(server, timing, (record) => {
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

/**
 * Closed loop: each endpoint starts `window` candidates towards its peer, which sends one back for each
 * one it receives, so exactly `window` per endpoint stay in flight.
 */
export function closedLoopRound(server, timing, window = 1) {
  return measureRound(server, timing, (record) => {
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

/** Sums the CPU of rounds (`measureWindow` readings): seconds, and percent of one core, for each part. */
export function cpuShares(results) {
  const elapsed = results.reduce((s, r) => s + r.elapsedMs, 0) / 1000;
  const seconds = {};
  const percent = {};
  for (const part of Object.keys(results[0].cpu)) {
    seconds[part] = results.reduce((s, r) => s + r.cpu[part], 0);
    percent[part] = Math.max(0, (100 * seconds[part]) / elapsed);
  }
  return { seconds, percent };
}

/** The rounds of one server together: relayed count, msg/s, latency percentiles in ms, CPU shares. */
export function mergeRounds(results) {
  const elapsedMs = results.reduce((s, r) => s + r.elapsedMs, 0);
  const count = results.reduce((s, r) => s + r.count, 0);
  const all = new Float64Array(results.reduce((s, r) => s + r.latencies.length, 0));
  let offset = 0;
  for (const r of results) {
    all.set(r.latencies, offset);
    offset += r.latencies.length;
  }
  all.sort();
  return {
    count,
    throughput: (count * 1000) / elapsedMs,
    rounds: results.map((r) => (r.count * 1000) / r.elapsedMs),
    p50: percentile(all, 50) / 1000,
    p99: percentile(all, 99) / 1000,
    ...cpuShares(results),
  };
}
