import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createOriginCheck } from '../src/origins.ts';

describe('configuration from the environment', () => {
  it('has working defaults for development', () => {
    const config = loadConfig({});
    assert.equal(config.environment, 'development');
    assert.equal(config.mode, 'extended');
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 5050);
    assert.equal(config.ringTimeoutMs, 45_000);
    assert.equal(config.reconnectGraceMs, 20_000);
    assert.equal(config.callRatePerMinute, 20);
    assert.equal(config.shutdownTimeoutMs, 10_000);
    assert.equal(config.maxBufferedBytes, 1024 * 1024);
    assert.equal(config.webSocketCloseTimeoutMs, 5_000);
    assert.match(config.directoryPath ?? '', /demo-directory\.json$/);
    assert.ok(config.dataDir?.endsWith(path.join('hub', '.data')));
    assert.equal(config.jwt.secret.length, 32, 'a random development key');
    assert.deepEqual(config.ice.stunUrls, ['stun:stun.l.google.com:19302']);
    assert.deepEqual(config.ice.turnUrls, []);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      THRUME_HUB_PORT: '6060',
      THRUME_HUB_HOST: '0.0.0.0',
      THRUME_HUB_MODE: 'Baseline',
      THRUME_DATA_DIR: 'memory',
      THRUME_RING_TIMEOUT_MS: '1000',
      THRUME_RECONNECT_GRACE_MS: '0',
      THRUME_CALL_RATE_PER_MINUTE: '5',
      THRUME_SHUTDOWN_TIMEOUT_MS: '30000',
      THRUME_MAX_BUFFERED_BYTES: '262144',
      THRUME_WEBSOCKET_CLOSE_TIMEOUT_MS: '2000',
      THRUME_ALLOWED_ORIGINS: 'https://a.example, http://localhost:*',
      THRUME_TURN_SECRET: 's',
      THRUME_TURN_URLS: 'turn:t.example:3478',
      THRUME_STUN_URLS: '',
      THRUME_DIRECTORY: 'dir.json',
    });
    assert.equal(config.port, 6060);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.mode, 'baseline');
    assert.equal(config.dataDir, null);
    assert.equal(config.ringTimeoutMs, 1000);
    assert.equal(config.reconnectGraceMs, 0);
    assert.equal(config.callRatePerMinute, 5);
    assert.equal(config.shutdownTimeoutMs, 30_000);
    assert.equal(config.maxBufferedBytes, 262_144);
    assert.equal(config.webSocketCloseTimeoutMs, 2_000);
    assert.deepEqual(config.allowedOrigins, ['https://a.example', 'http://localhost:*']);
    assert.deepEqual(config.ice.stunUrls, []);
    assert.equal(config.directoryPath, path.resolve('dir.json'));
  });

  it('fails with a message naming the variable for bad values', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ THRUME_HUB_PORT: 'eighty' }, /THRUME_HUB_PORT must be a whole number/],
      [{ THRUME_HUB_PORT: '70000' }, /THRUME_HUB_PORT must be between 0 and 65535/],
      [{ THRUME_RING_TIMEOUT_MS: '0' }, /THRUME_RING_TIMEOUT_MS/],
      [{ THRUME_RECONNECT_GRACE_MS: '-5' }, /THRUME_RECONNECT_GRACE_MS/],
      [{ THRUME_HUB_MODE: 'legacy' }, /THRUME_HUB_MODE must be one of extended, baseline/],
      [{ THRUME_HUB_ENV: 'staging' }, /THRUME_HUB_ENV/],
      [{ THRUME_HUB_ENV: 'production' }, /THRUME_JWT_SECRET is required/],
      [{ THRUME_JWT_SECRET: 'short' }, /at least 32 bytes/],
      [{ THRUME_TURN_URLS: 'turn:x:3478' }, /THRUME_TURN_SECRET/],
      [{ THRUME_TURN_SECRET: 'x' }, /THRUME_TURN_URLS/],
      [{ THRUME_TURN_SECRET: 'x', THRUME_TURN_URLS: 'http://x' }, /not a turn: or turns: URL/],
      [{ THRUME_ALLOWED_ORIGINS: 'localhost' }, /THRUME_ALLOWED_ORIGINS/],
      [{ THRUME_CALL_RATE_PER_MINUTE: '0' }, /THRUME_CALL_RATE_PER_MINUTE/],
      [{ THRUME_SHUTDOWN_TIMEOUT_MS: '10s' }, /THRUME_SHUTDOWN_TIMEOUT_MS must be a whole number/],
      [{ THRUME_SHUTDOWN_TIMEOUT_MS: '0' }, /THRUME_SHUTDOWN_TIMEOUT_MS must be between 100 and 600000/],
      [{ THRUME_MAX_BUFFERED_BYTES: '1024' }, /THRUME_MAX_BUFFERED_BYTES must be between 65536 and 1073741824/],
      [{ THRUME_MAX_BUFFERED_BYTES: '1MiB' }, /THRUME_MAX_BUFFERED_BYTES must be a whole number/],
      [{ THRUME_WEBSOCKET_CLOSE_TIMEOUT_MS: '99' }, /THRUME_WEBSOCKET_CLOSE_TIMEOUT_MS must be between 100 and 60000/],
      [{ THRUME_REDIS_URL: 'localhost:6379' }, /THRUME_REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
      [{ THRUME_REDIS_URL: 'redis://127.0.0.1:6379' }, /THRUME_REDIS_URL needs THRUME_JWT_SECRET/],
      [
        { THRUME_HUB_ENV: 'production', THRUME_JWT_SECRET: 'x'.repeat(32), THRUME_REDIS_URL: 'redis://r:6379' },
        /THRUME_REDIS_URL needs THRUME_DATABASE_URL in production/,
      ],
      [
        {
          THRUME_JWT_SECRET: 'x'.repeat(32),
          THRUME_REDIS_URL: 'redis://r',
          THRUME_NODE_HEARTBEAT_MS: '1000',
          THRUME_NODE_DEAD_AFTER_MS: '1500',
        },
        /THRUME_NODE_DEAD_AFTER_MS must be between 2000 and 600000/,
      ],
    ];
    for (const [env, message] of cases)
      assert.throws(
        () => loadConfig(env),
        (e: unknown) => e instanceof ConfigError && message.test(e.message),
        JSON.stringify(env),
      );
  });

  it('serves the ops endpoints on the hub port, on their own address, or not at all', () => {
    assert.deepEqual(loadConfig({}).ops, { listen: 'hub' });
    assert.deepEqual(loadConfig({ THRUME_OPS_ADDRESS: 'OFF' }).ops, { listen: 'off' });
    assert.deepEqual(loadConfig({ THRUME_OPS_ADDRESS: '10.0.0.5:9464' }).ops, {
      listen: 'own',
      host: '10.0.0.5',
      port: 9464,
    });
    assert.deepEqual(loadConfig({ THRUME_OPS_ADDRESS: '[::1]:9464' }).ops, { listen: 'own', host: '::1', port: 9464 });
    for (const bad of ['9464', 'metrics', '127.0.0.1:99999']) {
      assert.throws(() => loadConfig({ THRUME_OPS_ADDRESS: bad }), /THRUME_OPS_ADDRESS must be "off" or host:port/);
    }
  });

  it('production refuses to start with every origin allowed', () => {
    const production = { THRUME_HUB_ENV: 'production', THRUME_JWT_SECRET: 'x'.repeat(32) };
    assert.throws(
      () => loadConfig({ ...production, THRUME_ALLOWED_ORIGINS: 'https://app.example.org,*' }),
      /THRUME_ALLOWED_ORIGINS=\* lets any site/,
    );
    assert.deepEqual(loadConfig({ ...production, THRUME_ALLOWED_ORIGINS: 'https://app.example.org' }).allowedOrigins, [
      'https://app.example.org',
    ]);
    assert.deepEqual(loadConfig({ THRUME_ALLOWED_ORIGINS: '*' }).allowedOrigins, ['*'], 'development may');
  });

  it('NODE_ENV=production means production unless THRUME_HUB_ENV says otherwise', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /THRUME_JWT_SECRET is required/);
    assert.equal(loadConfig({ NODE_ENV: 'production', THRUME_HUB_ENV: 'development' }).environment, 'development');
  });

  it('outside development there is no directory unless THRUME_DIRECTORY names one, and no default origins', () => {
    const config = loadConfig({ THRUME_HUB_ENV: 'production', THRUME_JWT_SECRET: 'x'.repeat(32) });
    assert.equal(config.directoryPath, null);
    assert.deepEqual(config.allowedOrigins, []);
    assert.deepEqual([...config.jwt.secret], [...new TextEncoder().encode('x'.repeat(32))]);
  });
});

describe('origin allow-list', () => {
  it('matches exact origins, any-port entries and nothing else', () => {
    const allowed = createOriginCheck(['https://app.example.org', 'http://localhost:*']);
    assert.equal(allowed('https://app.example.org'), true);
    assert.equal(allowed('https://APP.example.org:443'), true);
    assert.equal(allowed('http://localhost:5173'), true);
    assert.equal(allowed('http://localhost'), true);
    assert.equal(allowed('http://app.example.org'), false);
    assert.equal(allowed('https://app.example.org.evil.example'), false);
    assert.equal(allowed('https://localhost:5173'), false);
    assert.equal(allowed('null'), false);
    assert.equal(allowed('garbage'), false);
    assert.equal(createOriginCheck([])('http://localhost:1'), false);
    assert.equal(createOriginCheck(['*'])('https://anything.example'), true);
  });
});
