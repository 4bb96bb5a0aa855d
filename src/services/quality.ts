// Call quality from getStats: round-trip time, loss, jitter, bitrate, and a good/fair/poor verdict.
// Loaded once a call's media connects.
import type { CallQuality } from './call-state.js';
import { verdictOf } from './quality-verdict.js';

interface Counters {
  readonly at: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly packetsIn: number;
  readonly packetsLost: number;
}

/** One entry of a stats report: the fields read here, of the candidate pair and the RTP streams. */
type RtpStats = RTCStats & Partial<RTCIceCandidatePairStats & RTCInboundRtpStreamStats & RTCOutboundRtpStreamStats>;

/** Samples one peer connection; each `sample()` compares with the previous one. */
export class QualitySampler {
  private previous: Counters | null = null;

  constructor(private readonly connection: RTCPeerConnection) {}

  async sample(): Promise<CallQuality | null> {
    const report = await this.connection.getStats();
    let roundTrip: number | null = null;
    let jitter: number | null = null;
    const now: { -readonly [K in keyof Counters]: number } = {
      at: performance.now(),
      bytesIn: 0,
      bytesOut: 0,
      packetsIn: 0,
      packetsLost: 0,
    };
    report.forEach((stat: RtpStats) => {
      if (stat.type === 'candidate-pair' && stat.nominated && typeof stat.currentRoundTripTime === 'number') {
        roundTrip = stat.currentRoundTripTime * 1000;
      } else if (stat.type === 'inbound-rtp') {
        now.bytesIn += stat.bytesReceived ?? 0;
        now.packetsIn += stat.packetsReceived ?? 0;
        now.packetsLost += Math.max(0, stat.packetsLost ?? 0);
        if (typeof stat.jitter === 'number') jitter = Math.max(jitter ?? 0, stat.jitter * 1000);
      } else if (stat.type === 'outbound-rtp') {
        now.bytesOut += stat.bytesSent ?? 0;
      }
    });
    const before = this.previous;
    this.previous = now;
    if (!before) return null;
    const seconds = Math.max(0.001, (now.at - before.at) / 1000);
    const received = now.packetsIn - before.packetsIn;
    const lost = now.packetsLost - before.packetsLost;
    const packetLoss = received + lost > 0 ? lost / (received + lost) : 0;
    const measured = { roundTripMs: roundTrip, packetLoss, jitterMs: jitter };
    return {
      ...measured,
      inboundKbps: ((now.bytesIn - before.bytesIn) * 8) / 1000 / seconds,
      outboundKbps: ((now.bytesOut - before.bytesOut) * 8) / 1000 / seconds,
      verdict: verdictOf(measured),
    };
  }
}
