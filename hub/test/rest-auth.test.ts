import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT, decodeJwt } from 'jose';
import { demoDirectoryPath } from '../src/directory.ts';
import { ids } from './support/call-harness.ts';
import { startTestServer, testSecret, type TestServer } from './support/hub-server.ts';

const key = new TextEncoder().encode(testSecret);

describe('REST authentication in development mode', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(() => s.close());

  it('POST /api/auth/dev-token signs a token for a directory user', async () => {
    const res = await s.post('/api/auth/dev-token', { userId: ids.alice.toUpperCase() });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { accessToken: string };
    assert.deepEqual(Object.keys(body), ['accessToken']);
    const claims = decodeJwt(body.accessToken);
    assert.equal(claims.sub, ids.alice);
    assert.equal(claims.name, 'alice');
    assert.ok(typeof claims.exp === 'number' && claims.exp > Date.now() / 1000);
    assert.equal((await s.get('/api/call/history', body.accessToken)).status, 200);
  });

  it('dev-token: 400 for a malformed body, 404 for an unknown user, 405 for GET', async () => {
    for (const body of ['{', '', '[]', JSON.stringify({ userId: 42 }), JSON.stringify({ userId: 'alice' })]) {
      const res = await s.post('/api/auth/dev-token', body);
      assert.equal(res.status, 400, body);
      assert.match(((await res.json()) as { error: string }).error, /\w/);
    }
    assert.equal((await s.post('/api/auth/dev-token', { userId: '00000000-0000-4000-8000-000000000009' })).status, 404);
    assert.equal((await s.get('/api/auth/dev-token')).status, 405);
  });

  it('401 without a token, with a forged token and with an expired one; access_token in the query works', async () => {
    assert.equal((await s.get('/api/call/history')).status, 401);
    assert.equal((await s.get('/api/call/active', 'not.a.jwt')).status, 401);
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(ids.alice)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('x'.repeat(40)));
    assert.equal((await s.get('/api/call/history', forged)).status, 401);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(ids.alice)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    assert.equal((await s.get('/api/call/history', expired)).status, 401);
    const noExpiry = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(ids.alice).sign(key);
    assert.equal((await s.get('/api/call/history', noExpiry)).status, 401);
    const noGuid = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('alice')
      .setExpirationTime('1h')
      .sign(key);
    assert.equal((await s.get('/api/call/history', noGuid)).status, 401);
    const token = await s.token('bob');
    assert.equal((await s.get(`/api/call/active?access_token=${token}`)).status, 200);
    const res = await s.get('/api/call/history');
    assert.equal(res.headers.get('www-authenticate'), 'Bearer');
  });

  it('CORS: allowed origins get the headers, others 403; preflights answer 204', async () => {
    const token = await s.token('alice');
    const ok = await s.get('/api/call/active', token, { Origin: 'http://localhost:5173' });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    const evil = await s.get('/api/call/active', token, { Origin: 'https://evil.example' });
    assert.equal(evil.status, 403);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    const preflight = await fetch(`${s.hub.url}/api/call/permissions`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:8080',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/);
  });

  it('404 for unknown routes', async () => {
    const token = await s.token('alice');
    assert.equal((await s.get('/api/call/history/extra', token)).status, 404);
    assert.equal((await s.get('/api/nothing', token)).status, 404);
    assert.equal((await s.get('/elsewhere')).status, 404);
  });
});

describe('REST authentication in production mode', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({
      THRUME_HUB_ENV: 'production',
      THRUME_DIRECTORY: demoDirectoryPath(),
      THRUME_JWT_ISSUER: 'https://id.example.org',
      THRUME_JWT_AUDIENCE: 'thrume-calls',
      THRUME_ALLOWED_ORIGINS: 'https://app.example.org',
    });
  });
  after(() => s.close());

  it('has no dev-token endpoint', async () => {
    assert.equal((await s.post('/api/auth/dev-token', { userId: ids.alice })).status, 404);
  });

  it("accepts the deployment issuer's tokens (sub or the ASP.NET nameidentifier claim) and checks iss and aud", async () => {
    const sign = (claims: Record<string, unknown>, iss = 'https://id.example.org', aud = 'thrume-calls') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(iss)
        .setAudience(aud)
        .setExpirationTime('5m')
        .sign(key);
    assert.equal((await s.get('/api/call/history', await sign({ sub: ids.bob }))).status, 200);
    const aspnet = await sign({
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier': ids.bob.toUpperCase(),
    });
    assert.equal((await s.get('/api/call/history', aspnet)).status, 200);
    assert.equal((await s.get('/api/call/history', await sign({ sub: ids.bob }, 'https://other.example'))).status, 401);
    assert.equal((await s.get('/api/call/history', await sign({ sub: ids.bob }, undefined, 'other'))).status, 401);
  });

  it('allows only the configured origins', async () => {
    const token = await new SignJWT({ sub: ids.bob })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://id.example.org')
      .setAudience('thrume-calls')
      .setExpirationTime('5m')
      .sign(key);
    assert.equal((await s.get('/api/call/active', token, { Origin: 'https://app.example.org' })).status, 200);
    assert.equal((await s.get('/api/call/active', token, { Origin: 'http://localhost:5173' })).status, 403);
  });
});
