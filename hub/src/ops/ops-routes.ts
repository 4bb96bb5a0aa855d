// The operator's endpoints: GET /health (the process answers), GET /ready (it can serve: not shutting
// down, its stores reachable; 503 with the reason otherwise) and GET /metrics. They are served on the
// hub's own port, on a listener of their own (THRUME_OPS_ADDRESS), or not at all.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson } from '../rest/http.ts';
import type { HubMetrics } from './metrics.ts';

export interface OpsOptions {
  readonly metrics: HubMetrics;
  /** null when ready, else why not. */
  readonly whyUnavailable: () => Promise<string | null>;
}

export const opsPaths = ['/health', '/ready', '/metrics'] as const;

/** A request handler that answers the ops paths and returns false for anything else. */
export function createOpsHandler(options: OpsOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!(opsPaths as readonly string[]).includes(pathname)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendError(res, 405, 'Method not allowed');
      return true;
    }
    void answer(pathname, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 503, { status: 'unavailable', reason: (error as Error).message });
    });
    return true;
  };

  async function answer(pathname: string, res: ServerResponse): Promise<void> {
    if (pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (pathname === '/ready') {
      const reason = await options.whyUnavailable();
      return reason === null
        ? sendJson(res, 200, { status: 'ready' })
        : sendJson(res, 503, { status: 'unavailable', reason });
    }
    const text = await options.metrics.text();
    res.writeHead(200, { 'Content-Type': options.metrics.contentType, 'Cache-Control': 'no-store' });
    res.end(text);
  }
}
