namespace ThrumeInterop;

/// <summary>Thrume's sweep: every 5 minutes, drop calls started more than 30 minutes ago.</summary>
public sealed class CallCleanupService(CallStateService calls, ILogger<CallCleanupService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Thrume (docs/hub-contract.md §5, C1, C2): the only timeout there is; it ignores the status.
            var removed = calls.RemoveCallsStartedBefore(DateTime.UtcNow - MaxAge);
            if (removed > 0) logger.LogInformation("Removed {Count} stale calls", removed);
        }
    }
}
