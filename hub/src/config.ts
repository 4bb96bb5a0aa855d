// Hub configuration from the environment. Every variable is optional in development; bad values fail
// at start-up with a message naming the variable, never silently fall back.

import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { demoDirectoryPath } from './directory.ts';
import { hubRoot } from './hub-root.ts';

export const hubModes = ['extended', 'baseline'] as const;
export type HubMode = (typeof hubModes)[number];

export const environments = ['development', 'production'] as const;
export type Environment = (typeof environments)[number];

export interface HubConfig {
  readonly environment: Environment;
  readonly mode: HubMode;
  readonly host: string;
  readonly port: number;
  /** Directory of the embedded database; null keeps history and settings in memory only. */
  readonly dataDir: string | null;
  /** PostgreSQL for history and settings (THRUME_DATABASE_URL); null: embedded SQLite in dataDir. */
  readonly databaseUrl: string | null;
  /** Several nodes as one hub (THRUME_REDIS_URL): calls, presence, timers and delivery in Redis; null: one process. */
  readonly cluster: {
    readonly redisUrl: string;
    readonly heartbeatMs: number;
    readonly deadAfterMs: number;
  } | null;
  /** Users, conversations and default settings; null means an empty directory. */
  readonly directoryPath: string | null;
  readonly ringTimeoutMs: number;
  readonly reconnectGraceMs: number;
  readonly callRatePerMinute: number;
  /** How long SIGTERM or SIGINT may take to stop gracefully before the process exits 1 anyway. */
  readonly shutdownTimeoutMs: number;
  /** Unsent bytes a connection may hold before the hub drops it as a client that stopped reading. */
  readonly maxBufferedBytes: number;
  /** How long a WebSocket close handshake may take, when a client leaves and at shutdown. */
  readonly webSocketCloseTimeoutMs: number;
  readonly allowedOrigins: readonly string[];
  /** Where /health, /ready and /metrics are served: on the hub's own listener, on one of their own, or nowhere. */
  readonly ops:
    | { readonly listen: 'hub' }
    | { readonly listen: 'off' }
    | { readonly listen: 'own'; readonly host: string; readonly port: number };
  readonly jwt: {
    /** HS256 key bytes. */
    readonly secret: Uint8Array;
    readonly issuer: string | null;
    readonly audience: string | null;
    readonly devTokenLifetimeSeconds: number;
  };
  readonly ice: {
    readonly stunUrls: readonly string[];
    readonly turnUrls: readonly string[];
    readonly turnSecret: string | null;
    readonly ttlSeconds: number;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): HubConfig {
  // NODE_ENV=production alone is enough to turn development conveniences (dev tokens) off.
  const environment = oneOf(
    env,
    'THRUME_HUB_ENV',
    environments,
    env.NODE_ENV === 'production' ? 'production' : 'development',
  );
  const development = environment === 'development';
  const mode = oneOf(env, 'THRUME_HUB_MODE', hubModes, 'extended');

  const secretText = text(env, 'THRUME_JWT_SECRET');
  if (secretText === null && !development) {
    throw new ConfigError(
      'THRUME_JWT_SECRET is required when THRUME_HUB_ENV=production (the HS256 key of your token issuer).',
    );
  }
  if (secretText !== null && Buffer.byteLength(secretText) < 32) {
    throw new ConfigError('THRUME_JWT_SECRET must be at least 32 bytes long.');
  }

  const turnUrls = list(env, 'THRUME_TURN_URLS', []);
  const turnSecret = text(env, 'THRUME_TURN_SECRET');
  if (turnUrls.length > 0 && turnSecret === null) {
    throw new ConfigError('THRUME_TURN_URLS is set but THRUME_TURN_SECRET is not; TURN needs the shared secret.');
  }
  if (turnSecret !== null && turnUrls.length === 0) {
    throw new ConfigError(
      'THRUME_TURN_SECRET is set but THRUME_TURN_URLS is not (for example "turn:turn.example.org:3478").',
    );
  }
  for (const url of turnUrls) {
    if (!/^turns?:/.test(url)) throw new ConfigError(`THRUME_TURN_URLS: "${url}" is not a turn: or turns: URL.`);
  }
  const stunUrls = list(env, 'THRUME_STUN_URLS', ['stun:stun.l.google.com:19302']);
  for (const url of stunUrls) {
    if (!/^stuns?:/.test(url)) throw new ConfigError(`THRUME_STUN_URLS: "${url}" is not a stun: or stuns: URL.`);
  }

  const directoryOverride = text(env, 'THRUME_DIRECTORY');
  const dataDir = text(env, 'THRUME_DATA_DIR');
  const databaseUrl = text(env, 'THRUME_DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'THRUME_DATABASE_URL must be a postgres:// URL, such as postgres://user@db.example.org/thrume.',
    );
  }

  const redisUrl = text(env, 'THRUME_REDIS_URL');
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError(
      'THRUME_REDIS_URL must be a redis:// or rediss:// URL, such as redis://redis.example.org:6379.',
    );
  }
  if (redisUrl !== null && secretText === null) {
    throw new ConfigError(
      'THRUME_REDIS_URL needs THRUME_JWT_SECRET: every node must verify the same tokens and sign the same connection tokens.',
    );
  }
  if (redisUrl !== null && databaseUrl === null && !development) {
    throw new ConfigError(
      "THRUME_REDIS_URL needs THRUME_DATABASE_URL in production: without it each node keeps its own history, and a user's calls are spread over them.",
    );
  }
  // A dead node's connections leave presence within dead-after plus one heartbeat: 13 s by default.
  const heartbeatMs = integer(env, 'THRUME_NODE_HEARTBEAT_MS', 3_000, 100, 60_000);

  const allowedOrigins = list(
    env,
    'THRUME_ALLOWED_ORIGINS',
    development ? ['http://localhost:*', 'http://127.0.0.1:*', 'https://localhost:*', 'https://127.0.0.1:*'] : [],
  );
  for (const origin of allowedOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/:*\s]+(:(\d{1,5}|\*))?$/.test(origin)) {
      throw new ConfigError(
        `THRUME_ALLOWED_ORIGINS: "${origin}" is not an origin such as https://app.example.org or http://localhost:*.`,
      );
    }
  }

  if (!development && allowedOrigins.includes('*')) {
    throw new ConfigError(
      "THRUME_ALLOWED_ORIGINS=* lets any site call as your users; list your app's origins when THRUME_HUB_ENV=production.",
    );
  }

  return {
    environment,
    mode,
    host: text(env, 'THRUME_HUB_HOST') ?? '127.0.0.1',
    port: integer(env, 'THRUME_HUB_PORT', 5050, 0, 65535),
    dataDir: dataDir === 'memory' ? null : path.resolve(dataDir ?? path.join(hubRoot, '.data')),
    databaseUrl,
    cluster:
      redisUrl === null
        ? null
        : {
            redisUrl,
            heartbeatMs,
            deadAfterMs: integer(
              env,
              'THRUME_NODE_DEAD_AFTER_MS',
              Math.max(10_000, 3 * heartbeatMs),
              2 * heartbeatMs,
              600_000,
            ),
          },
    directoryPath:
      directoryOverride !== null ? path.resolve(directoryOverride) : development ? demoDirectoryPath() : null,
    ringTimeoutMs: integer(env, 'THRUME_RING_TIMEOUT_MS', 45_000, 1, 3_600_000),
    reconnectGraceMs: integer(env, 'THRUME_RECONNECT_GRACE_MS', 20_000, 0, 600_000),
    callRatePerMinute: integer(env, 'THRUME_CALL_RATE_PER_MINUTE', 20, 1, 10_000),
    shutdownTimeoutMs: integer(env, 'THRUME_SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    // At least 64 KiB: an offer alone may be 30 000 bytes, and a client must be able to hold a few.
    maxBufferedBytes: integer(env, 'THRUME_MAX_BUFFERED_BYTES', 1 << 20, 1 << 16, 1 << 30),
    webSocketCloseTimeoutMs: integer(env, 'THRUME_WEBSOCKET_CLOSE_TIMEOUT_MS', 5_000, 100, 60_000),
    allowedOrigins,
    ops: opsListener(text(env, 'THRUME_OPS_ADDRESS')),
    jwt: {
      secret: secretText !== null ? new TextEncoder().encode(secretText) : randomBytes(32),
      issuer: text(env, 'THRUME_JWT_ISSUER'),
      audience: text(env, 'THRUME_JWT_AUDIENCE'),
      devTokenLifetimeSeconds: integer(env, 'THRUME_DEV_TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    },
    ice: {
      stunUrls,
      turnUrls,
      turnSecret,
      ttlSeconds: integer(env, 'THRUME_TURN_TTL_SECONDS', 3600, 60, 7 * 24 * 3600),
    },
  };
}

/** THRUME_OPS_ADDRESS: unset (the hub's listener), "off", or "host:port" of a listener of their own. */
function opsListener(raw: string | null): HubConfig['ops'] {
  if (raw === null) return { listen: 'hub' };
  if (raw.toLowerCase() === 'off') return { listen: 'off' };
  const match = /^(\[[0-9a-f:]+\]|[^:\s]+):(\d{1,5})$/i.exec(raw);
  const port = Number(match?.[2]);
  if (match === null || port > 65535) {
    throw new ConfigError(`THRUME_OPS_ADDRESS must be "off" or host:port such as 127.0.0.1:9464, got "${raw}".`);
  }
  return { listen: 'own', host: match[1].replace(/^\[|\]$/g, ''), port };
}

function text(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? null : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}".`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}.`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = text(env, name);
  if (raw === null) return fallback;
  const value = values.find((v) => v === raw.toLowerCase());
  if (value === undefined) throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}".`);
  return value;
}

function list(env: Env, name: string, fallback: readonly string[]): readonly string[] {
  const raw = env[name];
  if (raw === undefined) return fallback;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
