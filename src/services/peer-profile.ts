// Who the other person is. The hub says only what its wire carries (Thrume's, a user name); the page
// knows people's names and pictures, and answers through a resolver. The call never waits for it.
import type { CallInfo } from './call-state.js';

/** A person's name and picture; either may be missing. */
export interface PeerProfile {
  readonly name?: string;
  readonly avatarUrl?: string;
}

/**
 * Maps a user id to what the page knows about that person. `hint` is what the hub (incoming calls)
 * or the page's call button (outgoing calls) said. Asked once per call; an answer that is late, throws
 * or is not a profile leaves the hint's name shown.
 */
export type PeerResolver = (
  userId: string,
  hint: PeerProfile,
) => PeerProfile | null | undefined | Promise<PeerProfile | null | undefined>;

/** A string with more than spaces in it; undefined for anything else. */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/**
 * Asks the resolver, if there is one, about `userId`: its answer at once when it gives a plain value,
 * else a promise that settles with its answer, or with null after `timeoutMs`, and never rejects.
 */
export function askResolver(
  resolver: PeerResolver | undefined,
  userId: string,
  hint: PeerProfile,
  timeoutMs = 1500,
): PeerProfile | null | Promise<PeerProfile | null> {
  const refused = (why: unknown) => {
    console.warn(`peerResolver gave no profile for ${userId}:`, why);
    return null;
  };
  // Only non-empty strings are kept; an answer with neither is refused (null and undefined mean "not known").
  const checked = (answer: unknown): PeerProfile | null => {
    if (answer == null) return null;
    const { name, avatarUrl } = Object(answer) as Record<string, unknown>;
    const profile = { name: nonEmpty(name), avatarUrl: nonEmpty(avatarUrl) };
    return profile.name || profile.avatarUrl ? profile : refused(answer);
  };
  let answer: ReturnType<PeerResolver> | undefined;
  try {
    answer = resolver?.(userId, hint);
  } catch (error) {
    return refused(error);
  }
  if (!(answer instanceof Promise)) return checked(answer);
  const late = new Promise<null>((resolve) => setTimeout(resolve, timeoutMs, null));
  return Promise.race([answer.then(checked, refused), late]);
}

/** The call named for the person in it: the resolver's name, else the hint's, else the id; never empty. */
export function named(call: CallInfo, profile: PeerProfile | null, hint: PeerProfile): CallInfo {
  return {
    ...call,
    peerName: profile?.name || nonEmpty(hint.name) || call.peerId,
    peerAvatarUrl: profile?.avatarUrl ?? hint.avatarUrl,
  };
}
