// The one token reader and the one CORS rule, as SignalR's endpoints and REST both answer with them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from './support/hub-server.ts';

const allowed = 'https://app.example.org';

describe('Who may call the hub over HTTP', () => {
  let s: TestServer;
  let alice: string;
  before(async () => {
    s = await startTestServer({ THRUME_ALLOWED_ORIGINS: allowed });
    alice = await s.token('alice');
  });
  after(() => s.close());

  const status = async (pathname: string, headers: Record<string, string>) =>
    (await fetch(`${s.hub.url}${pathname}`, { method: pathname.includes('negotiate') ? 'POST' : 'GET', headers }))
      .status;

  it('reads the access_token query before the Authorization header, on SignalR and REST alike', async () => {
    for (const path of ['/chathub/negotiate?negotiateVersion=1', '/api/call/active?x=1']) {
      const query = `${path}&access_token=${alice}`;
      assert.equal(await status(query, { Authorization: 'Bearer forged' }), 200, `${path}: the query wins`);
      assert.equal(
        await status(`${path}&access_token=forged`, { Authorization: `Bearer ${alice}` }),
        401,
        `${path}: a bad query is not rescued by the header`,
      );
      assert.equal(
        await status(path, { Authorization: `bearer ${alice}` }),
        200,
        `${path}: the header alone, any case`,
      );
      assert.equal(await status(path, { Authorization: `Basic ${alice}` }), 401, `${path}: not a bearer token`);
      assert.equal(await status(path, { Authorization: 'Bearer' }), 401, `${path}: no token`);
    }
  });

  it('answers CORS the same on SignalR and REST: the allowed origin echoed with credentials, Vary always', async () => {
    const cors = (headers: Headers) =>
      Object.fromEntries([...headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'));
    const preflight = (pathname: string, origin: string) =>
      fetch(`${s.hub.url}${pathname}`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const [hub, rest] = await Promise.all([
      preflight('/chathub/negotiate', allowed),
      preflight('/api/call/active', allowed),
    ]);
    assert.equal(hub.status, 204);
    assert.equal(rest.status, 204);
    assert.deepEqual(cors(hub.headers), {
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': 'x-requested-with, x-signalr-user-agent, content-type, authorization',
      'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
      'access-control-allow-origin': allowed,
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    assert.deepEqual(cors(rest.headers), cors(hub.headers));
    for (const path of ['/chathub/negotiate', '/api/call/active']) {
      assert.equal((await preflight(path, 'https://evil.example')).status, 403, `${path}: another origin`);
      const plain = await fetch(`${s.hub.url}${path}`, { method: 'OPTIONS' }); // no Origin: not a browser
      assert.equal(plain.headers.get('access-control-allow-origin'), null);
      assert.equal(plain.headers.get('vary'), 'Origin', `${path}: a cache keeps answers apart by Origin`);
    }
  });
});
