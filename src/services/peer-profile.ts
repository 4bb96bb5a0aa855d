// Who the other person is. The hub says only what its wire carries (Thrume's, a user name); the page
// knows people's names and pictures, and answers through a resolver. The call never waits for it.

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
export type PeerResolver = (userId: string, hint: PeerProfile) => PeerProfile | null | undefined | PromiseLike<PeerProfile | null | undefined>;

/** How long a resolver may take before its answer is ignored. */
export const defaultResolverTimeoutMs = 1500;

/** A string with something in it, trimmed; undefined for anything else. */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The resolver's answer, keeping only non-empty strings; null when nothing usable is left. */
export function profileFrom(answer: unknown): PeerProfile | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const { name, avatarUrl } = answer as Record<string, unknown>;
  const profile = { name: nonEmpty(name), avatarUrl: nonEmpty(avatarUrl) };
  return profile.name || profile.avatarUrl ? profile : null;
}

/**
 * Asks the resolver about `userId`: its answer at once when it gives a plain value, else a promise
 * that settles with its answer, or with null after `timeoutMs`, and never rejects.
 */
export function askResolver(
  resolver: PeerResolver,
  userId: string,
  hint: PeerProfile,
  timeoutMs: number,
): PeerProfile | null | Promise<PeerProfile | null> {
  const refused = (why: unknown) => {
    console.warn(`peerResolver gave no profile for ${userId}:`, why);
    return null;
  };
  const checked = (answer: unknown) => (answer == null ? null : (profileFrom(answer) ?? refused(answer)));
  let answer: ReturnType<PeerResolver>;
  try {
    answer = resolver(userId, hint);
  } catch (error) {
    return refused(error);
  }
  if (typeof (answer as PromiseLike<unknown> | null)?.then !== 'function') return checked(answer);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(refused(`no answer within ${timeoutMs} ms`)), timeoutMs);
    Promise.resolve(answer).then(checked, refused).then((profile) => {
      clearTimeout(timer);
      resolve(profile);
    });
  });
}

/** The name to show: the resolver's, else the hint's, else the id; never empty. */
export function displayName(profile: PeerProfile | null, hint: PeerProfile, userId: string): string {
  return profile?.name || nonEmpty(hint.name) || userId;
}
