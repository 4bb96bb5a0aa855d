// Every client event the contract names, as one SignalR client receives them, in order.

import type { HubConnection } from '@microsoft/signalr';
import { clientEvents } from '@thrume/calls-contract';

export type Events = Array<[string, unknown[]]>;

export function recordEvents(connection: HubConnection): Events {
  const events: Events = [];
  for (const event of Object.values(clientEvents))
    connection.on(event, (...args: unknown[]) => events.push([event, args]));
  return events;
}
