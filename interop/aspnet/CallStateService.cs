using System.Collections.Concurrent;

namespace ThrumeInterop;

/// <summary>Thrume's in-memory call state: nothing survives a restart (docs/hub-contract.md §5, C7).</summary>
public sealed class CallStateService
{
    private const int HistoryPerUser = 100;

    private readonly ConcurrentDictionary<string, Call> activeCalls = new();
    private readonly ConcurrentDictionary<Guid, string> userCalls = new(); // the "busy" map
    private readonly ConcurrentDictionary<Guid, List<Call>> history = new();

    // Thrume (docs/hub-contract.md §5, C5): the caller checks this, then creates the call in a separate
    // step, so two simultaneous calls (or glare) can both pass.
    public Task<bool> CanUserCallAsync(Guid callerId, Guid calleeId) =>
        Task.FromResult(callerId != calleeId && !userCalls.ContainsKey(callerId) && !userCalls.ContainsKey(calleeId));

    public Task<Call> CreateCallAsync(Guid callerId, Guid calleeId, CallType type, string callerConnectionId)
    {
        var call = new Call { CallerId = callerId, CalleeId = calleeId, Type = type, CallerConnectionId = callerConnectionId };
        activeCalls[call.Id] = call;
        // Thrume (docs/hub-contract.md §5, C5): plain overwrites; a racing second call replaces the first's entries.
        userCalls[callerId] = call.Id;
        userCalls[calleeId] = call.Id;
        AddToHistory(callerId, call);
        AddToHistory(calleeId, call);
        return Task.FromResult(call);
    }

    public Task<Call?> GetCallAsync(string callId) =>
        Task.FromResult(activeCalls.TryGetValue(callId, out var call) ? call : null);

    public Task<bool> UpdateCallConnectionAsync(string callId, string calleeConnectionId)
    {
        if (!activeCalls.TryGetValue(callId, out var call)) return Task.FromResult(false);
        call.CalleeConnectionId = calleeConnectionId;
        return Task.FromResult(true);
    }

    // Thrume (docs/hub-contract.md §5, B5): any value is taken, with no transition rules.
    public Task<bool> UpdateCallStatusAsync(string callId, CallStatus status)
    {
        if (!activeCalls.TryGetValue(callId, out var call)) return Task.FromResult(false);
        call.Status = status;
        // Thrume (docs/hub-contract.md §5, C7): Connected means "accepted" (or any later status update), not media up.
        if (status == CallStatus.Connected) call.ConnectedAt = DateTime.UtcNow;
        if (status is CallStatus.Ended or CallStatus.Rejected or CallStatus.Missed or CallStatus.Failed)
        {
            call.EndedAt = DateTime.UtcNow;
            activeCalls.TryRemove(callId, out _);
            // Thrume (docs/hub-contract.md §5, C5): removed whatever call they point at now.
            userCalls.TryRemove(call.CallerId, out _);
            userCalls.TryRemove(call.CalleeId, out _);
        }
        return Task.FromResult(true);
    }

    /// <summary>Drops calls started before the cutoff, whatever their status (used by CallCleanupService).</summary>
    public int RemoveCallsStartedBefore(DateTime cutoff)
    {
        var removed = 0;
        foreach (var call in activeCalls.Values.Where((c) => c.StartedAt < cutoff))
        {
            // Thrume (docs/hub-contract.md §5, C2): silent removal: no status change, no EndedAt, nobody is told.
            if (!activeCalls.TryRemove(call.Id, out _)) continue;
            userCalls.TryRemove(call.CallerId, out _);
            userCalls.TryRemove(call.CalleeId, out _);
            removed++;
        }
        return removed;
    }

    private void AddToHistory(Guid userId, Call call)
    {
        // Thrume (docs/hub-contract.md §5, C7): a plain List, changed in place without a lock.
        var list = history.GetOrAdd(userId, (_) => new List<Call>());
        list.Add(call);
        if (list.Count > HistoryPerUser) list.RemoveAt(0);
    }
}
