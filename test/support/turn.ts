// The test runner's coturn (scripts/wtr-turn.mjs), as the hubs hand it out: credentials from the extended
// hub's GET /api/call/ice-servers, and the gate in front of it, which the tests shut and open.
import { devToken, hubUrl } from './parties.js';
import { user } from './directory.js';

export type TurnTransport = 'udp' | 'tcp';

/** What the extended hub gives `userName` at `/api/call/ice-servers`: STUN and TURN, and how long they last. */
export async function hubIceServers(userName = 'alice'): Promise<{ iceServers: RTCIceServer[]; ttlSeconds: number }> {
  const url = await hubUrl('extended');
  const token = await devToken(url, user(userName).id);
  const response = await fetch(`${url}/api/call/ice-servers`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`ice-servers: HTTP ${response.status}`);
  return (await response.json()) as { iceServers: RTCIceServer[]; ttlSeconds: number };
}

/** The hub's TURN entry narrowed to one transport (each goes through the gate). */
export async function turnServer(transport: TurnTransport, userName = 'alice'): Promise<RTCIceServer> {
  const { iceServers } = await hubIceServers(userName);
  const turn = iceServers.find((s) => s.username)!;
  const urls = [turn.urls].flat().filter((u) => u.endsWith(`transport=${transport}`));
  if (urls.length !== 1)
    throw new Error(`The hub hands out no single ${transport} TURN URL: ${JSON.stringify(turn.urls)}`);
  return { ...turn, urls };
}

/** Shuts (every packet of the relayed calls dropped, both ways) or opens the gate in front of coturn. */
export function turnGate(action: 'cut' | 'restore'): Promise<Response> {
  return fetch(`/__thrume/turn/${action}`, { method: 'POST' });
}
