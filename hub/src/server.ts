// The composition root: one node:http server carrying the SignalR hub at /chathub and REST under
// /api/. main.ts runs it from the environment; tests run it on port 0 with their own config.

import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Auth } from './auth.ts';
import {
  createCallHub,
  MemoryActiveCallStore,
  MemoryLocks,
  MemoryPresence,
  MemoryRateLimiter,
  MemoryTimers,
  type CallHub,
  type ClientSender,
} from '@thrume/calls-contract/rules';
import { CallPolicy } from './calls/policy.ts';
import type { HubConfig } from './config.ts';
import { emptyDirectory, loadDirectory, type Directory } from './directory.ts';
import { observeAll, type HubObserver } from './ops/hub-events.ts';
import { createHubLog } from './ops/hub-log.ts';
import { HubMetrics } from './ops/metrics.ts';
import { createOpsHandler } from './ops/ops-routes.ts';
import { timeWrites } from './ops/timed-writes.ts';
import { createOriginCheck } from './origins.ts';
import { sendError, sendJson } from './rest/http.ts';
import { createRestHandler } from './rest/router.ts';
import { ClusterNode } from './cluster/cluster-node.ts';
import {
  ConnectionTokens,
  createSignalRServer,
  type SignalRServer,
  type ServerTransportOptions,
} from './signalr/index.ts';
import { SqlStore } from './store/sql-store.ts';

export const hubPath = '/chathub';

export interface StartOptions {
  /** Operator notices; by default a JSON line on stderr, as are the events. */
  readonly log?: (message: string) => void;
  /** The structured events (connections, call transitions, refusals); by default the JSON log. */
  readonly observe?: HubObserver;
  /** Protocol-layer timings (keep-alive, timeouts); tests shorten them. */
  readonly signalr?: ServerTransportOptions & {
    keepAliveIntervalMs?: number;
    clientTimeoutMs?: number;
    handshakeTimeoutMs?: number;
  };
  readonly now?: () => Date;
}

export interface RunningHub {
  /** Base URL, e.g. http://127.0.0.1:5050 */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  readonly hub: CallHub;
  readonly auth: Auth;
  readonly directory: Directory;
  readonly signalr: SignalRServer;
  readonly metrics: HubMetrics;
  /** Base URL of /health, /ready and /metrics: the hub's own, one of their own, or null when off. */
  readonly opsUrl: string | null;
  /**
   * Graceful shutdown: readiness turns 503, connected calls are suspended for the next start (with
   * extensions; the rest end, recorded and told), clients get Close with allowReconnect, the store is
   * written, the ports close.
   */
  close(): Promise<void>;
}

export async function startHub(config: HubConfig, options: StartOptions = {}): Promise<RunningHub> {
  const defaultLog = options.log === undefined || options.observe === undefined ? createHubLog() : null;
  const log = options.log ?? defaultLog!.notice;
  const now = options.now ?? (() => new Date());
  const directory = config.directoryPath !== null ? loadDirectory(config.directoryPath) : emptyDirectory();
  if (config.environment === 'development' && !['127.0.0.1', '::1', 'localhost'].includes(config.host)) {
    log(`development mode on ${config.host}: anyone who can reach this port can mint tokens at /api/auth/dev-token`);
  }
  if (config.directoryPath === null)
    log('no directory (THRUME_DIRECTORY): nobody shares a conversation, so every call is refused');
  const opened = await SqlStore.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, log);
  let signalr: SignalRServer | null = null;
  const sender: ClientSender = {
    send: (connectionId, target, args) => signalr?.sender.send(connectionId, target, args),
    abort: (connectionId, error) => signalr?.sender.abort(connectionId, error),
  };
  // Several nodes: the other nodes' calls are theirs to end or resume, so a node starting up leaves them be.
  const cluster =
    config.cluster === null
      ? null
      : await ClusterNode.join(
          {
            ...config.cluster,
            callRatePerMinute: config.callRatePerMinute,
            log,
            onStateLost: async (since) => {
              const lost = await opened.endDangling(now().toISOString(), since.toISOString());
              log(`recorded ${lost} call(s) in progress that Redis lost as ended`);
            },
          },
          sender,
        ).catch(async (error: unknown) => {
          await opened.close();
          throw error;
        });
  if (cluster === null) {
    const dangling = await opened.endDangling(now().toISOString());
    if (dangling > 0) log(`recorded ${dangling} call(s) left in progress by an earlier run as ended`);
  }
  const suspended = cluster === null ? await opened.takeSuspended() : [];
  const shared = cluster?.parts ?? {
    calls: new MemoryActiveCallStore(),
    presence: new MemoryPresence(),
    timers: new MemoryTimers(),
    locks: new MemoryLocks(),
    rateLimiter: new MemoryRateLimiter(config.callRatePerMinute, 60_000),
    sender,
  };
  const { calls, locks, timers } = shared;

  const auth = new Auth({ ...config.jwt, directory });
  const metrics = new HubMetrics({
    connections: () => signalr?.connectionsByTransport() ?? {},
    activeCalls: () => calls.all(),
    historyWaiting: cluster === null ? undefined : () => cluster.historyWaiting(),
  });
  const observe = observeAll(options.observe ?? defaultLog!.observe, metrics.observe);
  const store = timeWrites(opened, ['save', 'saveSettings'], observe);
  const policy = new CallPolicy(directory, store);
  const isOriginAllowed = createOriginCheck(config.allowedOrigins);

  const hub = createCallHub({
    extensions: config.mode === 'extended',
    ringTimeoutMs: config.ringTimeoutMs,
    reconnectGraceMs: config.reconnectGraceMs,
    ...shared,
    policy,
    history: cluster?.history(store) ?? store,
    profileOf: (userId) => directory.user(userId),
    now,
    log,
    observe,
  });
  signalr = createSignalRServer({
    path: hubPath,
    hub: cluster?.serve(hub, () => signalr!.closeConnections()) ?? hub,
    // Any node accepts a token another negotiated; one secret for all, kept apart from the JWT key's own use.
    connectionTokens:
      cluster === null
        ? undefined
        : new ConnectionTokens({
            secret: createHmac('sha256', config.jwt.secret).update('thrume connection tokens').digest(),
            claim: (connectionId, ttlMs) => cluster.claim(connectionId, ttlMs),
          }),
    authenticate: auth.authenticate,
    isOriginAllowed,
    logger: { error: (message, error) => log(`${message} ${(error as Error)?.stack ?? String(error)}`) },
    observe,
    maxBufferedBytes: config.maxBufferedBytes,
    webSocketCloseTimeoutMs: config.webSocketCloseTimeoutMs,
    ...options.signalr,
  });
  const signalrServer = signalr;
  const resumed = await hub.resume(suspended);
  if (suspended.length > 0)
    log(
      `resumed ${resumed} of ${suspended.length} call(s) suspended by the last shutdown; their participants may rejoin`,
    );
  const rest = createRestHandler({
    config,
    auth,
    directory,
    calls,
    history: store,
    policy,
    locks,
    isOriginAllowed,
    now,
    log,
  });

  let closing: Promise<void> | null = null;
  const ops = createOpsHandler({
    metrics,
    whyUnavailable: async () =>
      closing !== null ? 'shutting down' : ((await cluster?.whyUnavailable()) ?? store.whyUnavailable()),
  });
  const opsOnHub = config.ops.listen === 'hub' ? ops : () => false;
  const server = createServer((req, res) => {
    if (signalrServer.handleRequest(req, res) || rest(req, res) || opsOnHub(req, res)) return;
    if (req.method === 'GET' && (req.url === '/' || req.url === '')) {
      return sendJson(res, 200, {
        service: 'thrume-calls-hub',
        mode: config.mode,
        environment: config.environment,
        hub: hubPath,
      });
    }
    sendError(res, 404, 'Not found');
  });
  server.on('upgrade', (req, socket, head) => {
    if (!signalrServer.handleUpgrade(req, socket, head)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  const url = await listen(server, config.host, config.port);
  const opsServer =
    config.ops.listen === 'own' ? createServer((req, res) => ops(req, res) || sendError(res, 404, 'Not found')) : null;
  const opsUrl =
    opsServer !== null && config.ops.listen === 'own'
      ? await listen(opsServer, config.ops.host, config.ops.port)
      : config.ops.listen === 'hub'
        ? url
        : null;

  const close = () =>
    (closing ??= (async () => {
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (cluster === null) {
        const { suspended: kept, ended } = await hub.stop();
        if (kept + ended > 0)
          log(`at shutdown: ${kept} call(s) suspended for a rejoin after the restart, ${ended} ended`);
      }
      // With several nodes the calls go on: their clients reconnect to another node and rejoin within the grace.
      await signalrServer.close();
      timers.clearAll();
      await cluster?.close();
      server.closeAllConnections();
      await serverClosed;
      await store.close();
      // Last, so that readiness answers 503 "shutting down" until the end.
      opsServer?.close();
      opsServer?.closeAllConnections();
    })());

  const port = (server.address() as AddressInfo).port;
  return { url, port, server, hub, auth, directory, signalr: signalrServer, metrics, opsUrl, close };
}

/** Listens on host:port and returns the base URL. */
async function listen(server: Server, host: string, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
}
