// Which connections each user has. A user is online when any of their connections is.
// Unlike Thrume's tracker there is no per-user cap that silently drops a live connection.

export interface Presence {
  add(userId: string, connectionId: string): Promise<void>;
  remove(userId: string, connectionId: string): Promise<void>;
  connectionsOf(userId: string): Promise<string[]>;
}

export class MemoryPresence implements Presence {
  private readonly connections = new Map<string, Set<string>>();

  async add(userId: string, connectionId: string): Promise<void> {
    let set = this.connections.get(userId);
    if (set === undefined) this.connections.set(userId, (set = new Set()));
    set.add(connectionId);
  }

  async remove(userId: string, connectionId: string): Promise<void> {
    const set = this.connections.get(userId);
    if (set === undefined) return;
    set.delete(connectionId);
    if (set.size === 0) this.connections.delete(userId);
  }

  async connectionsOf(userId: string): Promise<string[]> {
    return [...(this.connections.get(userId) ?? [])];
  }
}
