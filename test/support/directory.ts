// The demo directory every test and the demo use (a copy of shared/fixtures/demo-directory.json).
export interface DirectoryUser {
  readonly id: string;
  readonly userName: string;
  readonly displayName: string;
}

const directory = (await (await fetch('/hub/fixtures/demo-directory.json')).json()) as {
  users: DirectoryUser[];
  conversations: { id: string; participantIds: string[] }[];
};

export function user(userName: string): DirectoryUser {
  const found = directory.users.find((u) => u.userName === userName);
  if (!found) throw new Error(`No user "${userName}" in the demo directory`);
  return found;
}

/** The conversation two users share, or '' when they share none. */
export function conversationOf(a: string, b: string): string {
  return directory.conversations.find((c) => c.participantIds.includes(a) && c.participantIds.includes(b))?.id ?? '';
}
