using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ThrumeInterop;

/// <summary>Thrume's ChatHub, call methods only (docs/hub-contract.md §2). Nothing is returned:
/// results and failures reach the client as events.</summary>
[Authorize]
public sealed class ChatHub(CallStateService calls, UserPresenceTracker presence, ILogger<ChatHub> logger) : Hub
{
    public override async Task OnConnectedAsync()
    {
        if (CurrentUserId() is { } userId) await presence.AddConnectionAsync(userId.ToString(), Context.ConnectionId);
        await base.OnConnectedAsync();
    }

    // Thrume (docs/hub-contract.md §5, C3): a disconnect does not end or cancel calls.
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (CurrentUserId() is { } userId) await presence.RemoveConnectionAsync(userId.ToString(), Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    // Thrume (docs/hub-contract.md §5, B2): no relationship check; conversationId is echoed unvalidated.
    // Its default, as Thrume declares it, is one SignalR never applies: a client must send all three.
    public async Task InitiateCallAsync(string calleeId, string callType, string conversationId = "")
    {
        try
        {
            if (CurrentUserId() is not { } userId) { await Error("Unauthorized"); return; }
            if (!Guid.TryParse(calleeId, out var callee)) { await Error("Invalid callee ID"); return; }
            // Thrume (docs/hub-contract.md §5, B6): any integer string parses too.
            if (!Enum.TryParse<CallType>(callType, ignoreCase: true, out var type)) { await Error("Invalid call type"); return; }
            if (!await calls.CanUserCallAsync(userId, callee)) { await Error("User is not available for calls"); return; }

            var call = await calls.CreateCallAsync(userId, callee, type, Context.ConnectionId);
            // Thrume (docs/hub-contract.md §5, C8): the raw string the client sent, not the parsed GUID.
            var targets = await presence.GetUserConnectionsAsync(calleeId);
            if (targets.Count == 0)
            {
                await calls.UpdateCallStatusAsync(call.Id, CallStatus.Failed);
                await Error("User is not online");
                return;
            }
            await calls.UpdateCallStatusAsync(call.Id, CallStatus.Ringing);
            await Clients.Clients(targets).SendAsync("IncomingCall", new
            {
                callId = call.Id,
                callerId = userId.ToString(),
                callerUsername = Context.User?.Identity?.Name ?? "Unknown",
                callType, // Thrume (docs/hub-contract.md §5, B6): the raw string, not normalized.
                conversationId,
                timestamp = DateTime.UtcNow.ToString("O"),
                offer = (string?)null,
            });
            // Thrume (docs/hub-contract.md §5, A1): the only way the caller learns the call id.
            await Clients.Caller.SendAsync("CallRinging", call.Id);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "InitiateCallAsync failed");
            await Error("Failed to initiate call");
        }
    }

    // Thrume (docs/hub-contract.md §5, B4): no status check, so a second accept (any device of the callee)
    // takes over the callee connection mid-call.
    public async Task AcceptCallAsync(string callId)
    {
        try
        {
            if (CurrentUserId() is not { } userId) { await Error("Unauthorized"); return; }
            var call = await calls.GetCallAsync(callId);
            if (call is null) { await Error("Call not found"); return; }
            if (call.CalleeId != userId) { await Error("Not authorized to accept this call"); return; }

            await calls.UpdateCallConnectionAsync(callId, Context.ConnectionId);
            await calls.UpdateCallStatusAsync(callId, CallStatus.Connected);
            // Thrume (docs/hub-contract.md §5, C4): the callee's other devices are not told and ring on.
            await Clients.Client(call.CallerConnectionId).SendAsync("CallAccepted", callId);
            await Clients.Caller.SendAsync("CallConnected", callId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "AcceptCallAsync failed");
            await Error("Failed to accept call");
        }
    }

    public async Task RejectCallAsync(string callId, string? reason = null) // a default SignalR never applies
    {
        try
        {
            if (CurrentUserId() is not { } userId) { await Error("Unauthorized"); return; }
            var call = await calls.GetCallAsync(callId);
            if (call is null) { await Error("Call not found"); return; }
            if (call.CalleeId != userId) { await Error("Not authorized to reject this call"); return; }

            // Thrume (docs/hub-contract.md §5, C7): the reason is relayed but not stored.
            await calls.UpdateCallStatusAsync(callId, CallStatus.Rejected);
            await Clients.Client(call.CallerConnectionId).SendAsync("CallRejected", callId, reason);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "RejectCallAsync failed");
            await Error("Failed to reject call");
        }
    }

    public async Task EndCallAsync(string callId)
    {
        try
        {
            if (CurrentUserId() is not { } userId) { await Error("Unauthorized"); return; }
            var call = await calls.GetCallAsync(callId);
            if (call is null) { await Error("Call not found"); return; }
            if (!call.IsParticipant(userId)) { await Error("Not authorized to end this call"); return; }

            await calls.UpdateCallStatusAsync(callId, CallStatus.Ended);
            // Thrume (docs/hub-contract.md §5, C4): stored connections only, sender included; while ringing the
            // callee connection is empty, so a cancel reaches only the caller.
            await Clients.Clients(StoredConnections(call)).SendAsync("CallEnded", callId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "EndCallAsync failed");
            await Error("Failed to end call");
        }
    }

    // Thrume (docs/hub-contract.md §5, D6): offers go caller to callee only.
    public Task SendOfferAsync(string callId, string sdpOffer) =>
        Relay(callId, (call, userId) => userId == call.CallerId ? call.CalleeConnectionId : null, "ReceiveOffer", sdpOffer);

    public Task SendAnswerAsync(string callId, string sdpAnswer) =>
        Relay(callId, (call, userId) => userId == call.CalleeId ? call.CallerConnectionId : null, "ReceiveAnswer", sdpAnswer);

    public Task SendIceCandidateAsync(string callId, string candidate) =>
        Relay(callId, OtherSide, "ReceiveIceCandidate", candidate);

    // Thrume (docs/hub-contract.md §5, B5): any status name or integer, no transition rules, no event.
    public async Task UpdateCallStatusAsync(string callId, string status)
    {
        try
        {
            if (CurrentUserId() is not { } userId) return;
            var call = await calls.GetCallAsync(callId);
            if (call is null || !call.IsParticipant(userId)) return;
            if (Enum.TryParse<CallStatus>(status, ignoreCase: true, out var parsed)) await calls.UpdateCallStatusAsync(callId, parsed);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "UpdateCallStatusAsync failed");
        }
    }

    // Thrume (docs/hub-contract.md §5, B4): signaling fails silently, and any connection of a
    // participant user may signal (authorization by user, not by connection).
    private async Task Relay(string callId, Func<Call, Guid, string?> target, string eventName, string payload)
    {
        try
        {
            if (CurrentUserId() is not { } userId) return;
            var call = await calls.GetCallAsync(callId);
            if (call is null || target(call, userId) is not { Length: > 0 } connectionId) return;
            // Thrume (docs/hub-contract.md §5, C6, B9): the fixed stored connection; the payload is never checked.
            await Clients.Client(connectionId).SendAsync(eventName, callId, payload);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Event} relay failed", eventName);
        }
    }

    private static string? OtherSide(Call call, Guid userId) =>
        userId == call.CallerId ? call.CalleeConnectionId : userId == call.CalleeId ? call.CallerConnectionId : null;

    private static string[] StoredConnections(Call call) =>
        [.. new[] { call.CallerConnectionId, call.CalleeConnectionId }.Where((id) => id.Length > 0)];

    private Guid? CurrentUserId() =>
        Guid.TryParse(Context.User?.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;

    private Task Error(string message) => Clients.Caller.SendAsync("CallError", message);
}
