namespace ThrumeInterop;

// Thrume's enums, with its numbering (the numbers matter: Enum.TryParse accepts them, §6 B5/B6).
public enum CallType { Voice = 0, Video = 1 }

// Thrume (docs/hub-contract.md §5, C1): Missed exists but nothing ever sets it.
public enum CallStatus { Initiated = 0, Ringing = 1, Connected = 2, Ended = 3, Rejected = 4, Missed = 5, Failed = 6 }

/// <summary>One call, mutable and shared between the active map and both users' history.</summary>
public sealed class Call
{
    public string Id { get; } = Guid.NewGuid().ToString();
    public required Guid CallerId { get; init; }
    public required Guid CalleeId { get; init; }
    public required CallType Type { get; init; }
    public CallStatus Status { get; set; } = CallStatus.Initiated;
    public DateTime StartedAt { get; init; } = DateTime.UtcNow;
    public DateTime? ConnectedAt { get; set; }
    public DateTime? EndedAt { get; set; }

    // Thrume (docs/hub-contract.md §5, C7): the rejection reason is never stored.
    public string? RejectionReason { get; set; }

    public required string CallerConnectionId { get; init; }

    // Thrume (docs/hub-contract.md §5, C4, C6): empty until accept, and never re-bound after a reconnect.
    public string CalleeConnectionId { get; set; } = "";

    public bool IsParticipant(Guid userId) => userId == CallerId || userId == CalleeId;
}
