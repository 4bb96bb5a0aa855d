namespace ThrumeInterop;

/// <summary>Thrume's presence: user id string to its tracked connection ids, oldest first.</summary>
public sealed class UserPresenceTracker
{
    public const int MaxConnectionsPerUser = 5;

    // Thrume (docs/hub-contract.md §5, C8): keyed by the raw string, so lookups are case- and format-sensitive.
    private readonly Dictionary<string, List<string>> connections = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public Task AddConnectionAsync(string userId, string connectionId)
    {
        lock (gate)
        {
            if (!connections.TryGetValue(userId, out var list)) connections[userId] = list = [];
            list.Add(connectionId);
            // Thrume (docs/hub-contract.md §5, C8): a 6th connection evicts the oldest from tracking only;
            // that connection stays open but no longer gets IncomingCall.
            if (list.Count > MaxConnectionsPerUser) list.RemoveAt(0);
        }
        return Task.CompletedTask;
    }

    public Task RemoveConnectionAsync(string userId, string connectionId)
    {
        lock (gate)
        {
            if (connections.TryGetValue(userId, out var list) && list.Remove(connectionId) && list.Count == 0)
                connections.Remove(userId);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetUserConnectionsAsync(string userId)
    {
        lock (gate)
        {
            IReadOnlyList<string> result = connections.TryGetValue(userId, out var list) ? [.. list] : [];
            return Task.FromResult(result);
        }
    }
}
