// Who may call whom (docs/hub-contract.md §4) and each user's call settings.
// Settings a user saved (POST /api/call/permissions) win over the directory's, which win over the
// default (conversations, no blocks).

import type { Directory } from '../directory.ts';
import type { SettingsStore } from '../store/stores.ts';
import type { CallPolicy as RulesPolicy } from '@thrume/calls-contract/rules';
import { defaultCallSettings, type CallSettings } from './settings.ts';

export class CallPolicy implements RulesPolicy {
  constructor(
    private readonly directory: Directory,
    private readonly store: SettingsStore,
  ) {}

  async settingsOf(userId: string): Promise<CallSettings> {
    return (await this.store.settingsOf(userId)) ?? this.directory.settings(userId) ?? defaultCallSettings;
  }

  async updateSettings(userId: string, settings: CallSettings): Promise<CallSettings> {
    const clean: CallSettings = {
      allowCalls: settings.allowCalls,
      blockedUserIds: [...new Set(settings.blockedUserIds)].filter((id) => id !== userId).sort(),
    };
    await this.store.saveSettings(userId, clean);
    return clean;
  }

  /**
   * True when `callerId` may call `calleeId` in the given conversation (null: in any conversation
   * they share). Presence and busy state are the call rules' part of the check. The answer is a
   * plain boolean on purpose: a refusal must not tell the caller which rule refused (a block).
   */
  async mayCall(callerId: string, calleeId: string, conversationId: string | null): Promise<boolean> {
    if (callerId === calleeId) return false;
    const shared =
      conversationId === null
        ? this.directory.shareConversation(callerId, calleeId)
        : this.directory.isConversationOf(conversationId, callerId, calleeId);
    if (!shared) return false;
    const [callerSettings, calleeSettings] = await Promise.all([this.settingsOf(callerId), this.settingsOf(calleeId)]);
    if (callerSettings.blockedUserIds.includes(calleeId) || calleeSettings.blockedUserIds.includes(callerId))
      return false;
    return admits(calleeSettings, shared);
  }
}

/**
 * Whether the callee's `allowCalls` admits a caller. The contract requires a shared conversation
 * for every call, so "everyone" and "conversations" admit the same callers today; they differ only
 * if a deployment's directory drops the shared-conversation rule.
 */
function admits(settings: CallSettings, shareConversation: boolean): boolean {
  switch (settings.allowCalls) {
    case 'everyone':
      return true;
    case 'conversations':
      return shareConversation;
    case 'nobody':
      return false;
  }
}
