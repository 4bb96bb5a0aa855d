// Signs a demo user in to the hub the demo points at: with a development token from the reference hub,
// or, on a hub that authenticates by cookie as Thrume's ASP.NET server does, through Identity's sign-in.
declare const __THRUME_HUB_URL__: string;
declare const __THRUME_HUB_AUTH__: 'token' | 'cookie';
export const hubUrl = __THRUME_HUB_URL__;

interface DemoUser {
  readonly id: string;
  readonly userName: string;
}

/** What the provider needs to connect as `user`: a token source, or none once the hub's cookie is set. */
export async function signIn(user: DemoUser): Promise<(() => string) | undefined> {
  if (__THRUME_HUB_AUTH__ === 'cookie') {
    await cookieSignIn(user);
    return undefined;
  }
  const token = await devToken(user);
  return () => token;
}

async function devToken(user: DemoUser): Promise<string> {
  const response = await fetch(`${hubUrl}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: user.id }),
  });
  if (!response.ok) throw new Error(`The hub refused a token for ${user.userName} (HTTP ${response.status}).`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Identity's `POST /api/auth/login?useCookies=true`, with the demo users' address and password (interop/aspnet). */
async function cookieSignIn(user: DemoUser): Promise<void> {
  const response = await fetch(`${hubUrl}/api/auth/login?useCookies=true`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${user.userName}@thrume.test`, password: 'thrume-demo' }),
  });
  if (!response.ok) throw new Error(`The hub refused the sign-in of ${user.userName} (HTTP ${response.status}).`);
}
