// For bench/cluster.mjs: the relay rounds of bench/lib/relay-rounds.mjs seen as a cluster. A server is its
// hubs and its Redis (none for one node), read apart, so that the CPU per message the cluster adds can be
// told as the hubs' own and as the hubs' plus Redis's.
import { mergeRounds } from './relay-rounds.mjs';

/** A server of the relay and set-up rounds: the hubs' PIDs, and Redis's (or null). */
export function clusterServer(label, hubPids, redisPid) {
  return { label, parts: { hub: hubPids, redis: redisPid === null ? [] : [redisPid] } };
}

/** CPU per unit of work (`scale`: 1e6 for µs, 1e3 for ms) of the hubs, and of the hubs with Redis. */
export function clusterCpuPer({ seconds }, count, scale) {
  return { hub: (scale * seconds.hub) / count, hubRedis: (scale * (seconds.hub + seconds.redis)) / count };
}

/** The relay rounds of one server together (mergeRounds), with CPU per relayed message in µs. */
export function mergeRelay(results) {
  const merged = mergeRounds(results);
  const perMessage = clusterCpuPer(merged, merged.count, 1e6);
  return { ...merged, hubUs: perMessage.hub, hubRedisUs: perMessage.hubRedis };
}
