// The two hubs the differential check compares, each started as a child process and stopped by its
// PID: the reference hub in baseline mode (bearer tokens) and the ASP.NET Core reproduction of Thrume's
// ChatHub (Identity's cookie, as Thrume's SPA signs in).
import { readFileSync } from 'node:fs';
import { HttpTransportType } from '@microsoft/signalr';
import { startAspnetApp } from '../../scripts/aspnet-app.mjs';
import { startHubProcess } from '../../scripts/hub-process.mjs';

const directory = JSON.parse(readFileSync(new URL('../../hub/fixtures/demo-directory.json', import.meta.url), 'utf8'));

/** Demo user id by user name. */
export const userIds = Object.fromEntries(directory.users.map((u) => [u.userName, u.id]));

/** Demo conversation id by its participants' names, "alice-bob". */
export const conversationIds = Object.fromEntries(
  directory.conversations.map((c) => [
    c.participantIds.map((id) => directory.users.find((u) => u.id === id).userName).join('-'),
    c.id,
  ]),
);

export const referenceLabel = 'reference hub (baseline)';
export const aspnetLabel = 'ASP.NET ChatHub';

export async function startReferenceHub() {
  // Development: the hub mints tokens for the demo users. The rate limit is the reference hub's own
  // rule, which the scenes must not meet.
  const hub = await startHubProcess({
    THRUME_HUB_ENV: 'development',
    THRUME_HUB_MODE: 'baseline',
    THRUME_CALL_RATE_PER_MINUTE: '1000',
  });
  const tokens = new Map();
  const token = async (user) => {
    if (!tokens.has(user)) {
      const response = await postJson(`${hub.url}/api/auth/dev-token`, { userId: userIds[user] });
      tokens.set(user, (await response.json()).accessToken);
    }
    return tokens.get(user);
  };
  return {
    label: referenceLabel,
    url: hub.url,
    pid: hub.pid,
    stop: hub.stop,
    output: hub.output,
    connectionOptions: async (user) => {
      const accessToken = await token(user);
      return { accessTokenFactory: () => accessToken, transport: HttpTransportType.WebSockets };
    },
  };
}

export async function startAspnet() {
  // Production, as Thrume deploys it: no detailed errors (whatever the caller's environment says).
  const app = await startAspnetApp({ env: { ASPNETCORE_ENVIRONMENT: 'Production' } });
  const cookies = new Map();
  const cookie = async (user) => {
    if (!cookies.has(user)) {
      const response = await postJson(`${app.url}/api/auth/login?useCookies=true`, {
        email: `${user}@thrume.test`,
        password: 'thrume-demo',
      });
      const set = response.headers.getSetCookie();
      if (set.length === 0) throw new Error(`Signing in ${user} set no cookie`);
      // "name=value; path=/; secure; ..." → "name=value": what a browser would send back.
      cookies.set(user, set.map((line) => line.split(';')[0]).join('; '));
    }
    return cookies.get(user);
  };
  return {
    label: aspnetLabel,
    url: app.url,
    pid: app.pid,
    stop: app.stop,
    output: app.output,
    // In Node the client puts these headers on the negotiate request and on the WebSocket upgrade.
    connectionOptions: async (user) => ({
      headers: { Cookie: await cookie(user) },
      transport: HttpTransportType.WebSockets,
    }),
  };
}

async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return response;
}
