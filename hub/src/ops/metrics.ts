// GET /metrics in Prometheus' text format (prom-client). Labels carry value sets only (transports,
// statuses, end reasons, refusal codes): never a user or call id, so that no scrape tells one user
// about another's calls.

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HubCallStatus } from '@thrume/calls-contract';
import type { Call } from '@thrume/calls-contract/rules';
import type { HubObserver } from './hub-events.ts';

export interface MetricSources {
  /** Open connections by transport name. */
  readonly connections: () => Readonly<Record<string, number>>;
  readonly activeCalls: () => Promise<readonly Call[]>;
  /** Call records on their way to the database (several nodes: the Redis outbox); none on one node. */
  readonly historyWaiting?: () => Promise<number>;
}

export const transports = ['WebSockets', 'ServerSentEvents', 'LongPolling'] as const;
/** The statuses a call has while it is in progress (the active-call store holds no other). */
const liveStatuses: readonly HubCallStatus[] = ['Ringing', 'Connected'];

export class HubMetrics {
  readonly registry = new Registry();
  private readonly setups = this.counter('thrume_call_setups_total', 'Calls that started ringing.');
  private readonly outcomes = new Counter({
    name: 'thrume_call_outcomes_total',
    help: 'Calls that reached a final status, by status and end reason.',
    labelNames: ['status', 'reason'],
    registers: [this.registry],
  });
  private readonly connected = this.counter('thrume_calls_connected_total', 'Calls that were answered.');
  private readonly relayed = new Counter({
    name: 'thrume_signals_relayed_total',
    help: 'Offers, answers and ICE candidates relayed between the two parties of a call.',
    labelNames: ['signal'],
    registers: [this.registry],
  });
  private readonly refusals = new Counter({
    name: 'thrume_call_refusals_total',
    help: 'Hub invocations refused with CallError, by refusal code.',
    labelNames: ['code'],
    registers: [this.registry],
  });
  private readonly rateLimited = this.counter(
    'thrume_rate_limit_hits_total',
    'Calls refused by the per-user call rate limit.',
  );
  private readonly slowClients = this.counter(
    'thrume_slow_client_disconnects_total',
    'Clients disconnected because they stopped reading.',
  );
  private readonly storeWrites = new Histogram({
    name: 'thrume_store_write_seconds',
    help: 'Latency of history and settings writes.',
    labelNames: ['outcome'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry }); // includes nodejs_eventloop_lag_seconds
    new Gauge({
      name: 'thrume_connections',
      help: 'Open SignalR connections by transport.',
      labelNames: ['transport'],
      registers: [this.registry],
      collect() {
        const counts = sources.connections();
        for (const transport of transports) this.set({ transport }, counts[transport] ?? 0);
      },
    });
    new Gauge({
      name: 'thrume_calls',
      help: 'Calls in progress by status.',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        const calls = await sources.activeCalls();
        for (const state of liveStatuses) this.set({ state }, calls.filter((call) => call.status === state).length);
      },
    });
    const { historyWaiting } = sources;
    if (historyWaiting !== undefined)
      new Gauge({
        name: 'thrume_history_waiting',
        help: 'Call records not yet written to the database: they wait in Redis while it is away.',
        registers: [this.registry],
        async collect() {
          this.set(await historyWaiting());
        },
      });
  }

  readonly observe: HubObserver = (event) => {
    switch (event.type) {
      case 'call':
        if (event.status === 'Ringing') this.setups.inc();
        else if (event.status === 'Connected') this.connected.inc();
        else this.outcomes.inc({ status: event.status, reason: event.endReason ?? 'none' });
        return;
      case 'relay':
        return this.relayed.inc({ signal: event.signal });
      case 'refusal':
        this.refusals.inc({ code: event.code });
        if (event.code === 'rate-limited') this.rateLimited.inc();
        return;
      case 'store-write':
        return this.storeWrites.observe({ outcome: event.ok ? 'ok' : 'error' }, event.seconds);
      case 'slow-client':
        return this.slowClients.inc();
      case 'connection':
        return; // the gauge reads the registry at scrape time
    }
  };

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  private counter(name: string, help: string): Counter {
    return new Counter({ name, help, registers: [this.registry] });
  }
}
