// A development token for a demo user, from the reference hub's token endpoint.
declare const __THRUME_HUB_URL__: string;
export const hubUrl = __THRUME_HUB_URL__;

export async function devToken(user: { id: string; userName: string }): Promise<string> {
  const response = await fetch(`${hubUrl}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: user.id }),
  });
  if (!response.ok) throw new Error(`The hub refused a token for ${user.userName} (HTTP ${response.status}).`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
