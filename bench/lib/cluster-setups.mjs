// For bench/cluster.mjs: call set-ups in a closed loop. Each pair (caller connection, callee connection,
// the callee's user id, their conversation) runs one set-up after another, the kit's way: the caller
// rings (InitiateCallAsync; the callee gets IncomingCall), the callee accepts (the caller gets
// CallAccepted), the caller sends its offer and the callee its answer (invocations, each also awaited at
// the other end), ten candidates go each way at once (no invocationId, as the kit sends them), and the
// caller hangs up (the callee gets CallEnded). A set-up counts once the callee has heard the hang-up.
import { clusterCpuPer } from './cluster-relay.mjs';
import { sleep } from './relay-kit.mjs';
import { candidateFrame, cpuShares, measureWindow } from './relay-rounds.mjs';

const candidatesEachWay = 10;
const stepTimeoutMs = 5_000;

/** An SDP of about the size of Chromium's audio + video offer (~4 KB); the hub only checks its shape. */
function sdp(kind) {
  const codecs = Array.from(
    { length: 24 },
    (_, i) =>
      `a=rtpmap:${96 + i} VP8/90000\r\na=rtcp-fb:${96 + i} goog-remb\r\na=rtcp-fb:${96 + i} transport-cc\r\na=rtcp-fb:${96 + i} nack\r\n`,
  ).join('');
  return (
    `v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n` +
    `a=extmap-allow-mixed\r\na=msid-semantic: WMS bench\r\n` +
    `m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\r\nc=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\n` +
    `a=ice-ufrag:EsAw\r\na=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1\r\na=ice-options:trickle\r\n` +
    `a=fingerprint:sha-256 D2:FA:0E:C3:22:59:5E:14:95:69:92:3D:13:B4:84:24:2C:C2:A2:C0:3E:FD:34:8E:5E:EA:6F:AF:52:CE:E6:0F\r\n` +
    `a=setup:${kind === 'offer' ? 'actpass' : 'active'}\r\na=mid:0\r\na=sendrecv\r\na=rtcp-mux\r\n` +
    `a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n` +
    `m=video 9 UDP/TLS/RTP/SAVPF ${Array.from({ length: 24 }, (_, i) => 96 + i).join(' ')}\r\nc=IN IP4 0.0.0.0\r\n` +
    `a=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtcp-rsize\r\n${codecs}`
  );
}
const offerJson = JSON.stringify({ type: 'offer', sdp: sdp('offer') });
const answerJson = JSON.stringify({ type: 'answer', sdp: sdp('answer') });
export const sdpBytes = Buffer.byteLength(offerJson);

function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${stepTimeoutMs} ms`)), stepTimeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves once `connection` has received `n` relayed candidates. */
function candidatesReceived(connection, n) {
  return new Promise((resolve) => {
    let received = 0;
    connection.onCandidate = () => {
      if (++received === n) {
        connection.onCandidate = null;
        resolve();
      }
    };
  });
}

/** One set-up, ring to hang-up; `pair.callId` names the call while it is up. */
async function setUpOnce(pair) {
  const { caller, callee } = pair;
  const incoming = callee.nextEvent('IncomingCall');
  const accepted = caller.nextEvent('CallAccepted');
  const callId = await within(
    caller.invoke('InitiateCallAsync', pair.calleeId, 'video', pair.conversationId),
    'InitiateCallAsync',
  );
  if (typeof callId !== 'string') throw new Error(`InitiateCallAsync returned ${callId}`);
  pair.callId = callId;
  await within(incoming, 'IncomingCall');
  await within(Promise.all([callee.invoke('AcceptCallAsync', callId), accepted]), 'AcceptCallAsync');
  const offered = callee.nextEvent('ReceiveOffer');
  await within(Promise.all([caller.invoke('SendOfferAsync', callId, offerJson), offered]), 'SendOfferAsync');
  const answered = caller.nextEvent('ReceiveAnswer');
  await within(Promise.all([callee.invoke('SendAnswerAsync', callId, answerJson), answered]), 'SendAnswerAsync');
  const candidates = Promise.all([
    candidatesReceived(caller, candidatesEachWay),
    candidatesReceived(callee, candidatesEachWay),
  ]);
  const frame = candidateFrame(callId);
  for (let i = 1; i <= candidatesEachWay; i++) {
    caller.send(frame(i));
    callee.send(frame(i));
  }
  await within(candidates, 'the candidates');
  const ended = callee.nextEvent('CallEnded');
  await within(Promise.all([caller.invoke('EndCallAsync', callId), ended]), 'EndCallAsync');
  pair.callId = null;
}

/** After a failed set-up: forget what was awaited, hang up what may be up, and go on. */
async function recover(pair) {
  for (const connection of [pair.caller, pair.callee]) {
    connection.waiters = [];
    connection.onCandidate = null;
  }
  if (pair.callId !== null)
    await within(pair.caller.invoke('EndCallAsync', pair.callId), 'EndCallAsync').catch(() => {});
  pair.callId = null;
  await sleep(200);
}

/**
 * One round over `server.pairs`: every pair sets calls up one after another; those completed during
 * `seconds` (after `warmupSeconds`) are counted, with their durations and the CPU of that window.
 */
export async function setUpRound(server, timing) {
  const state = { running: true, measuring: false, count: 0, durations: [], errors: [] };
  const loop = async (pair) => {
    while (state.running) {
      const t0 = performance.now();
      try {
        await setUpOnce(pair);
        if (state.measuring) {
          state.count++;
          state.durations.push(performance.now() - t0);
        }
      } catch (error) {
        state.errors.push(error.message);
        await recover(pair);
      }
    }
  };
  const loops = server.pairs.map((pair) => loop({ ...pair, callId: null }));
  const { elapsedMs, cpu } = await measureWindow(server, timing, state);
  state.running = false;
  await Promise.all(loops); // each pair finishes the set-up it is in
  return { count: state.count, elapsedMs, durations: state.durations, cpu, errors: state.errors };
}

/** The rounds of one server together: set-ups per second, duration percentiles, CPU per set-up in ms. */
export function mergeSetUps(results) {
  const elapsedMs = results.reduce((s, r) => s + r.elapsedMs, 0);
  const count = results.reduce((s, r) => s + r.count, 0);
  const durations = results.flatMap((r) => r.durations).sort((a, b) => a - b);
  const at = (p) => durations[Math.min(durations.length - 1, Math.floor((p / 100) * durations.length))] ?? NaN;
  const shares = cpuShares(results);
  const perSetUp = clusterCpuPer(shares, count, 1e3);
  return {
    perSecond: (count * 1000) / elapsedMs,
    rounds: results.map((r) => (r.count * 1000) / r.elapsedMs),
    p50: at(50),
    p99: at(99),
    hubMs: perSetUp.hub,
    hubRedisMs: perSetUp.hubRedis,
    percent: shares.percent,
    errors: results.flatMap((r) => r.errors),
  };
}
