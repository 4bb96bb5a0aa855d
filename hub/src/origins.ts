// The Origin allow-list, shared by the hub (CORS and WebSocket upgrades) and REST.
// Entries: an exact origin ("https://app.example.org"), an origin with any port
// ("http://localhost:*"), or "*" for every origin. Requests without an Origin are not checked here.

export function createOriginCheck(allowed: readonly string[]): (origin: string) => boolean {
  if (allowed.includes('*')) return () => true;
  const exact = new Set<string>();
  const anyPort = new Set<string>();
  for (const entry of allowed) {
    if (entry.endsWith(':*')) anyPort.add(entry.slice(0, -2).toLowerCase());
    else exact.add(normalize(entry));
  }
  return (origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (url.origin === 'null' || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
    return exact.has(url.origin) || anyPort.has(`${url.protocol}//${url.hostname}`);
  };
}

function normalize(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin.toLowerCase();
  }
}
