// For bench/cluster.mjs: ICE candidates relayed between the two bound connections of connected calls,
// sent as the kit sends them (SendIceCandidateAsync without invocationId), in rounds at a fixed rate or in a
// closed loop, with the CPU of the hub processes, of Redis, of this load generator and of the rest of the
// machine over each round. A "server" is { pids: hub PIDs, redisPid (or null), endpoints }.
import { RS, cpuSecondsOf, machineBusySeconds, nowUs, percentile, sleep } from './relay-kit.mjs';

// A realistic RTCIceCandidateInit (what RTCIceCandidate.toJSON() gives in Chromium); the foundation is
// replaced by the send time in microseconds, the timestamp the receiver reads back.
const candidateText =
  'candidate:@TS@ 1 udp 1677729535 203.0.113.7 54321 typ srflx raddr 192.168.1.10 rport 54321 generation 0 ufrag EsAw network-cost 999';
export const candidateTemplate = JSON.stringify({
  candidate: candidateText,
  sdpMid: '0',
  sdpMLineIndex: 0,
  usernameFragment: 'EsAw',
});

/** `(ts) => frame`: the SendIceCandidateAsync invocation of `callId` without invocationId, carrying `ts`. */
export function candidateFrame(callId) {
  const message = { type: 1, target: 'SendIceCandidateAsync', arguments: [callId, candidateTemplate] };
  const [before, after] = (JSON.stringify(message) + RS).split('@TS@');
  return (ts) => before + ts + after;
}

/** An endpoint of a connected call: `send(ts)` one candidate to the peer; `onRelay(ts)` for each one received. */
export function relayEndpoint(connection, callId) {
  const frame = candidateFrame(callId);
  const endpoint = {
    onRelay: () => {},
    activate: () => (connection.onCandidate = (ts) => endpoint.onRelay(ts)),
    send: (ts) => connection.send(frame(ts)),
  };
  return endpoint;
}

/** CPU seconds so far of the server's hubs, its Redis, this process and the whole machine. */
export function cpuNow(server) {
  return {
    hub: server.pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0),
    redis: server.redisPid === null ? 0 : cpuSecondsOf(server.redisPid),
    client: cpuSecondsOf(process.pid),
    machine: machineBusySeconds(),
  };
}

/** The CPU spent between two `cpuNow` readings; `others` is everything else on the machine. */
export function cpuSince(server, before) {
  const now = cpuNow(server);
  const cpu = { hub: now.hub - before.hub, redis: now.redis - before.redis, client: now.client - before.client };
  cpu.others = now.machine - before.machine - cpu.hub - cpu.redis - cpu.client;
  return cpu;
}

/** One round: `start(record)` the load, warm up, count what is relayed for `seconds`, stop, let it drain. */
async function measureRound(server, { warmupSeconds, seconds }, start) {
  const latencies = new Float64Array(Math.ceil(200_000 * seconds));
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
  await sleep(warmupSeconds * 1000);
  const cpu0 = cpuNow(server);
  const t0 = performance.now();
  state.measuring = true;
  await sleep(seconds * 1000);
  state.measuring = false;
  const elapsedMs = performance.now() - t0;
  const cpu = cpuSince(server, cpu0);
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

/** Closed loop: each endpoint keeps one candidate in flight to its peer, which sends one back on receipt. */
export function closedLoopRound(server, timing) {
  return measureRound(server, timing, (record) => {
    let running = true;
    for (const endpoint of server.endpoints) {
      endpoint.onRelay = (ts) => {
        const now = record(ts);
        if (running) endpoint.send(now);
      };
    }
    for (const endpoint of server.endpoints) endpoint.send(nowUs());
    return () => (running = false);
  });
}

/** Sums CPU over rounds: percent of one core for each part, over `elapsedMs`. */
export function cpuShares(results) {
  const elapsed = results.reduce((s, r) => s + r.elapsedMs, 0) / 1000;
  const total = (part) => results.reduce((s, r) => s + r.cpu[part], 0);
  const share = (part) => Math.max(0, (100 * total(part)) / elapsed);
  return {
    seconds: { hub: total('hub'), redis: total('redis') },
    percent: { hub: share('hub'), redis: share('redis'), client: share('client'), others: share('others') },
  };
}

/** The rounds of one server together: msg/s, latency percentiles in ms, CPU per relayed message in µs. */
export function mergeRelay(results) {
  const elapsedMs = results.reduce((s, r) => s + r.elapsedMs, 0);
  const count = results.reduce((s, r) => s + r.count, 0);
  const all = new Float64Array(results.reduce((s, r) => s + r.latencies.length, 0));
  let offset = 0;
  for (const r of results) {
    all.set(r.latencies, offset);
    offset += r.latencies.length;
  }
  all.sort();
  const { seconds, percent } = cpuShares(results);
  return {
    throughput: (count * 1000) / elapsedMs,
    rounds: results.map((r) => (r.count * 1000) / r.elapsedMs),
    p50: percentile(all, 50) / 1000,
    p99: percentile(all, 99) / 1000,
    hubUs: (1e6 * seconds.hub) / count,
    hubRedisUs: (1e6 * (seconds.hub + seconds.redis)) / count,
    percent,
  };
}
