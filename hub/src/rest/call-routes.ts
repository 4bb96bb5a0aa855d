// /api/call/*: history, the active call, one call, permissions, ICE servers.
// Shapes follow Thrume's CallController (docs/hub-contract.md §4): PascalCase type and status,
// ISO-8601 UTC times, duration in whole seconds from ConnectedAt to EndedAt.

import { normalizeGuid } from '@thrume/calls-contract';
import { durationSeconds, toRecord, type CallRecord } from '@thrume/calls-contract/rules';
import { allowCallsValues, type AllowCalls, type CallSettings } from '../calls/settings.ts';
import { HttpError, readJson } from './http.ts';
import { iceServersFor } from './ice-servers.ts';
import type { RestOptions, RestRequest } from './router.ts';

export const maxPageSize = 100;
export const maxBlockedUsers = 1_000;

/** Resolves to the JSON body of a 200, undefined for 404, or 'method' for 405. */
export type CallRoute = (request: RestRequest) => Promise<unknown>;

export function callRoutes(options: RestOptions): CallRoute {
  const extensions = options.config.mode === 'extended';

  const entry = (call: CallRecord) => ({
    id: call.id,
    callerId: call.callerId,
    calleeId: call.calleeId,
    type: call.type,
    status: call.status,
    startedAt: call.startedAt,
    connectedAt: call.connectedAt,
    endedAt: call.endedAt,
    duration: durationSeconds(call),
    rejectionReason: call.rejectionReason,
    ...(extensions ? { endReason: call.endReason } : {}),
  });

  return async ({ req, url, segments, principal }) => {
    const [first, ...rest] = segments;
    const method = req.method ?? 'GET';
    if (first === undefined || rest.length > 0) return undefined;

    switch (first) {
      case 'history': {
        if (method !== 'GET') return 'method';
        const page = positive(url.searchParams.get('page'), 1, 'page', Number.MAX_SAFE_INTEGER);
        const pageSize = positive(url.searchParams.get('pageSize'), 20, 'pageSize', maxPageSize);
        const result = await options.history.page(principal.userId, page, pageSize);
        return {
          calls: result.calls.map(entry),
          totalCount: result.totalCount,
          page,
          pageSize,
          totalPages: Math.ceil(result.totalCount / pageSize),
        };
      }
      case 'active': {
        if (method !== 'GET') return 'method';
        const call = await options.calls.activeCallOf(principal.userId);
        if (call === null) return { hasActiveCall: false };
        const { id, callerId, calleeId, type, status, startedAt, connectedAt } = call;
        return { hasActiveCall: true, call: { id, callerId, calleeId, type, status, startedAt, connectedAt } };
      }
      case 'permissions': {
        if (method === 'GET') return options.policy.settingsOf(principal.userId);
        if (method !== 'POST') return 'method';
        const body = await readJson(req);
        return options.locks.run([`user:${principal.userId}`], async () => {
          const update = parsePermissions(body, await options.policy.settingsOf(principal.userId));
          return options.policy.updateSettings(principal.userId, update);
        });
      }
      case 'ice-servers': {
        if (!extensions) return undefined; // an extension: the baseline has no such endpoint
        if (method !== 'GET') return 'method';
        return iceServersFor(principal.userId, options.config.ice, options.now?.() ?? new Date());
      }
      default: {
        if (method !== 'GET') return 'method';
        const callId = normalizeGuid(first);
        if (callId === null) return undefined;
        const active = await options.calls.get(callId);
        const call = active !== null ? toRecord(active) : await options.history.get(callId);
        if (call === null) throw new HttpError(404, 'Call not found');
        if (call.callerId !== principal.userId && call.calleeId !== principal.userId) {
          throw new HttpError(403, 'Only the participants of a call may read it');
        }
        return entry(call);
      }
    }
  };
}

function positive(raw: string | null, fallback: number, name: string, max: number): number {
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new HttpError(400, `${name} must be a whole number of at least 1`);
  if (Number(raw) > max) throw new HttpError(400, `${name} must be at most ${max}`);
  return Number(raw);
}

/** `{ allowCalls?, blockedUserIds? }`: at least one; what is missing keeps its current value. */
function parsePermissions(body: unknown, current: CallSettings): CallSettings {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(
      400,
      'Body must be { "allowCalls": "everyone" | "conversations" | "nobody", "blockedUserIds": [...] }',
    );
  }
  const { allowCalls, blockedUserIds } = body as Record<string, unknown>;
  if (allowCalls === undefined && blockedUserIds === undefined)
    throw new HttpError(400, 'Give allowCalls, blockedUserIds or both');
  let allow: AllowCalls = current.allowCalls;
  if (allowCalls !== undefined) {
    const value = allowCallsValues.find((v) => v === allowCalls);
    if (value === undefined) throw new HttpError(400, `allowCalls must be one of ${allowCallsValues.join(', ')}`);
    allow = value;
  }
  let blocked = current.blockedUserIds;
  if (blockedUserIds !== undefined) {
    if (!Array.isArray(blockedUserIds)) throw new HttpError(400, 'blockedUserIds must be an array of user ids');
    if (blockedUserIds.length > maxBlockedUsers)
      throw new HttpError(400, `blockedUserIds may hold at most ${maxBlockedUsers} ids`);
    blocked = blockedUserIds.map((id, i) => {
      const guid = normalizeGuid(id);
      if (guid === null) throw new HttpError(400, `blockedUserIds[${i}] is not a GUID`);
      return guid;
    });
  }
  return { allowCalls: allow, blockedUserIds: blocked };
}
