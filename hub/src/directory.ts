// Who exists and who shares a conversation with whom. The hub reads this; it never writes it.
// In development it is the demo directory (the shared fixture every test and the demo use).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeGuid } from '@thrume/calls-contract';
import { allowCallsValues, type CallSettings } from './calls/settings.ts';
import { hubRoot } from './hub-root.ts';

export interface DirectoryUser {
  readonly id: string;
  readonly userName: string;
  readonly displayName: string;
  /** The user's picture, where the directory has one. */
  readonly avatarUrl?: string;
}

export interface Directory {
  user(userId: string): DirectoryUser | undefined;
  users(): readonly DirectoryUser[];
  /** True when `conversationId` names a conversation with both users in it. */
  isConversationOf(conversationId: string, userA: string, userB: string): boolean;
  /** True when the two users are both participants of at least one conversation. */
  shareConversation(userA: string, userB: string): boolean;
  /** The directory's own settings for a user (the deployment's defaults), if any. */
  settings(userId: string): CallSettings | undefined;
}

/** The shared fixture beside the repository, or the hub's own copy when ../shared is absent. */
export function demoDirectoryPath(): string {
  const shared = path.resolve(hubRoot, '..', '../shared/fixtures/demo-directory.json');
  return existsSync(shared) ? shared : path.join(hubRoot, 'fixtures', 'demo-directory.json');
}

export function emptyDirectory(): Directory {
  return createDirectory({ users: [], conversations: [], callSettings: [] });
}

export function loadDirectory(file: string): Directory {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the directory ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return createDirectory(data);
  } catch (error) {
    throw new Error(`Invalid directory ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** Builds a directory from the fixture's JSON shape; ids are normalized (lower case, hyphenated). */
export function createDirectory(data: unknown): Directory {
  const root = record(data, 'directory');
  const users = new Map<string, DirectoryUser>();
  for (const [i, entry] of array(root.users, 'users').entries()) {
    const u = record(entry, `users[${i}]`);
    const id = guid(u.id, `users[${i}].id`);
    const userName = string(u.userName, `users[${i}].userName`);
    const displayName = typeof u.displayName === 'string' && u.displayName ? u.displayName : userName;
    const avatarUrl = u.avatarUrl === undefined ? undefined : string(u.avatarUrl, `users[${i}].avatarUrl`);
    users.set(id, { id, userName, displayName, ...(avatarUrl && { avatarUrl }) });
  }
  const conversations = new Map<string, ReadonlySet<string>>();
  for (const [i, entry] of array(root.conversations, 'conversations').entries()) {
    const c = record(entry, `conversations[${i}]`);
    const ids = array(c.participantIds, `conversations[${i}].participantIds`).map((p, j) =>
      guid(p, `conversations[${i}].participantIds[${j}]`),
    );
    conversations.set(guid(c.id, `conversations[${i}].id`), new Set(ids));
  }
  const settings = new Map<string, CallSettings>();
  for (const [i, entry] of array(root.callSettings ?? [], 'callSettings').entries()) {
    const s = record(entry, `callSettings[${i}]`);
    const allowCalls = allowCallsValues.find((v) => v === s.allowCalls);
    if (allowCalls === undefined)
      throw new Error(`callSettings[${i}].allowCalls must be one of ${allowCallsValues.join(', ')}`);
    const blocked = array(s.blockedUserIds ?? [], `callSettings[${i}].blockedUserIds`).map((b, j) =>
      guid(b, `callSettings[${i}].blockedUserIds[${j}]`),
    );
    settings.set(guid(s.userId, `callSettings[${i}].userId`), { allowCalls, blockedUserIds: blocked });
  }

  return {
    user: (id) => users.get(id),
    users: () => [...users.values()],
    isConversationOf: (conversationId, a, b) => {
      const members = conversations.get(conversationId);
      return members !== undefined && members.has(a) && members.has(b);
    },
    shareConversation: (a, b) => [...conversations.values()].some((members) => members.has(a) && members.has(b)),
    settings: (id) => settings.get(id),
  };
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${where} must be an object`);
  return value as Record<string, unknown>;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${where} must be an array`);
  return value;
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${where} must be a non-empty string`);
  return value;
}

function guid(value: unknown, where: string): string {
  const id = normalizeGuid(value);
  if (id === null) throw new Error(`${where} must be a GUID`);
  return id;
}
