using System.Text;
using Microsoft.Bot.Builder;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>Runs the turns of accepted Zalo events, one at a time and in the order they arrived.</summary>
/// <remarks>Events left over when the host last stopped are in the inbox and run first. On shutdown the turn
/// under way finishes (a cancelled turn would apologise to the user and lose the event); the events still
/// queued stay pending in the inbox for the next start. Each event is claimed just before its turn: with instances
/// sharing the inbox, one that starts finds pending the events another has queued, and only one of them runs each;
/// and every <see cref="SweepEvery"/> each instance takes over the events still pending <see cref="StaleAfter"/> after
/// they were accepted (their instance died, or stopped, before running them).</remarks>
public sealed class ZaloEventProcessor(
    IZaloInbox inbox,
    ZaloEventQueue queue,
    IZaloUserStore users,
    ZaloAdapter adapter,
    IBot bot,
    TimeProvider clock,
    ILogger<ZaloEventProcessor> logger) : BackgroundService
{
    public static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    /// <summary>Far longer than an event waits in a live instance's queue, far shorter than Zalo users wait for a reply.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    private IReadOnlyList<ZaloInboxEntry> _backlog = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Taken before the web server starts, so the backlog and the queue never hold the same event.
        _backlog = inbox.Pending();
        if (_backlog.Count > 0) logger.LogInformation("Resuming {Count} Zalo events accepted before the last stop", _backlog.Count);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var entry in _backlog)
        {
            if (stoppingToken.IsCancellationRequested) return;
            await ProcessAsync(entry);
        }
        _backlog = [];
        var sweeping = inbox.Shared ? SweepAsync(stoppingToken) : Task.CompletedTask;
        try
        {
            await foreach (var entry in queue.ReadAllAsync(stoppingToken))
            {
                await ProcessAsync(entry);
                if (stoppingToken.IsCancellationRequested) return;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await sweeping;
    }

    /// <summary>Queues the shared inbox's stale pending events; the claim before each turn keeps them from running twice.</summary>
    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(SweepEvery, clock, stoppingToken);
                var staleMs = (clock.GetUtcNow() - StaleAfter).ToUnixTimeMilliseconds();
                var stale = inbox.Pending().Where(e => e.ReceivedAtMs < staleMs).ToList();
                if (stale.Count > 0) logger.LogWarning("Taking over {Count} Zalo events left pending by another instance", stale.Count);
                foreach (var entry in stale)
                    if (!queue.TryEnqueue(entry)) break; // full: the next sweep takes the rest
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                logger.LogError(e, "The sweep of stale Zalo events failed; it runs again in {Every}", SweepEvery);
            }
        }
    }

    private async Task ProcessAsync(ZaloInboxEntry entry)
    {
        if (!inbox.TryClaim(entry.Id)) return;
        try
        {
            var zaloEvent = ZaloEvent.Parse(Encoding.UTF8.GetBytes(entry.Body ?? ""));
            if (zaloEvent is { UserId: { } userId, OccurredAt: { } at } && zaloEvent.Kind != ZaloEventKind.Unfollow)
                users.RecordInteraction(userId, at);
            if (zaloEvent is not null && ZaloActivities.From(zaloEvent) is { } activity)
                await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The adapter's error handler has seen the turn's own errors; this is what even the apology could not survive.
            logger.LogError(e, "Zalo event {EventId} failed", entry.Id);
        }
        inbox.Complete(entry.Id);
    }
}
