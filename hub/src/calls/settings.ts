// Each user's call settings (POST /api/call/permissions), which the call policy reads.

export const allowCallsValues = ['everyone', 'conversations', 'nobody'] as const;
export type AllowCalls = (typeof allowCallsValues)[number];

export interface CallSettings {
  readonly allowCalls: AllowCalls;
  readonly blockedUserIds: readonly string[];
}

/** A user without a settings entry. */
export const defaultCallSettings: CallSettings = { allowCalls: 'conversations', blockedUserIds: [] };
