// The good/fair/poor verdict on a call's measured quality (quality.ts measures it).
import type { CallQuality, QualityVerdict } from './call-state.js';

/** Thresholds follow common VoIP guidance (ITU-T G.114 delay, loss and jitter bands). */
export function verdictOf(q: Pick<CallQuality, 'roundTripMs' | 'packetLoss' | 'jitterMs'>): QualityVerdict {
  const rtt = q.roundTripMs ?? 0;
  const jitter = q.jitterMs ?? 0;
  if (rtt > 600 || q.packetLoss > 0.08 || jitter > 80) return 'poor';
  if (rtt > 300 || q.packetLoss > 0.02 || jitter > 30) return 'fair';
  return 'good';
}
