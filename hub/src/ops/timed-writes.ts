// Times a store's writes for the metrics: the same store, with each named method reporting how long
// it took and whether it failed.

import type { HubObserver } from './hub-events.ts';

export function timeWrites<T extends object>(
  store: T,
  methods: ReadonlyArray<keyof T & string>,
  observe: HubObserver,
): T {
  const timed = Object.create(store) as T;
  for (const name of methods) {
    const write = store[name] as unknown as (...args: unknown[]) => Promise<unknown>;
    (timed as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const started = performance.now();
      let ok = false;
      try {
        const result = await write.apply(store, args);
        ok = true;
        return result;
      } finally {
        observe({ type: 'store-write', seconds: (performance.now() - started) / 1000, ok });
      }
    };
  }
  return timed;
}
