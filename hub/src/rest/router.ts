// REST under /api/: the call endpoints of docs/hub-contract.md §4, and the development
// token endpoint. Answers 401 without a valid token, 403 to a non-participant or a disallowed
// Origin, 404 for unknown calls and routes, 400 with a message for a malformed body.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Auth } from '../auth.ts';
import { answerPreflight, applyCors, bearerToken } from '../http-access.ts';
import { normalizeGuid } from '@thrume/calls-contract';
import type { ActiveCallStore, Locks, Principal } from '@thrume/calls-contract/rules';
import type { CallPolicy } from '../calls/policy.ts';
import type { HubConfig } from '../config.ts';
import type { Directory } from '../directory.ts';
import type { HistoryStore } from '../store/stores.ts';
import { callRoutes } from './call-routes.ts';
import { HttpError, readJson, sendError, sendJson } from './http.ts';

export interface RestOptions {
  readonly config: Pick<HubConfig, 'environment' | 'mode' | 'ice'>;
  readonly auth: Auth;
  readonly directory: Directory;
  readonly calls: ActiveCallStore;
  readonly history: HistoryStore;
  readonly policy: CallPolicy;
  readonly locks: Locks;
  readonly isOriginAllowed: (origin: string) => boolean;
  readonly now?: () => Date;
  readonly log?: (message: string) => void;
}

export interface RestRequest {
  readonly req: IncomingMessage;
  readonly url: URL;
  readonly segments: readonly string[];
  readonly principal: Principal;
}

/** Returns a request handler that answers /api/ requests and returns false for anything else. */
export function createRestHandler(options: RestOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const routes = callRoutes(options);
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) return false;
    void handle(req, res, url).catch((error: unknown) => {
      if (error instanceof HttpError) return sendError(res, error.status, error.message);
      options.log?.(`REST ${req.method} ${url.pathname} failed: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendError(res, 500, 'Internal server error');
      else res.destroy();
    });
    return true;
  };

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!applyCors(req, res, options.isOriginAllowed)) return sendError(res, 403, 'Origin not allowed');
    if (req.method === 'OPTIONS') return answerPreflight(res);
    const segments = url.pathname
      .split('/')
      .filter((s) => s !== '')
      .slice(1);

    if (
      segments[0] === 'auth' &&
      segments[1] === 'dev-token' &&
      segments.length === 2 &&
      options.config.environment === 'development'
    ) {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
      return sendJson(res, 200, { accessToken: await devToken(req) });
    }
    if (segments[0] !== 'call') return sendError(res, 404, 'Not found');

    const principal = await options.auth.authenticate(req, bearerToken(req));
    if (principal === null) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'A valid bearer token is required');
    }
    const result = await routes({ req, url, segments: segments.slice(1), principal });
    if (result === 'method') return methodNotAllowed(res, 'GET, POST');
    if (result === undefined) return sendError(res, 404, 'Not found');
    sendJson(res, 200, result);
  }

  async function devToken(req: IncomingMessage): Promise<string> {
    const body = await readJson(req);
    const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).userId : undefined;
    if (typeof raw !== 'string') throw new HttpError(400, 'Body must be { "userId": "<guid>" }');
    const userId = normalizeGuid(raw);
    if (userId === null) throw new HttpError(400, 'userId must be a GUID');
    if (options.directory.user(userId) === undefined) throw new HttpError(404, 'No such user in the demo directory');
    return options.auth.issueDevToken(userId);
  }
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendError(res, 405, 'Method not allowed');
}
