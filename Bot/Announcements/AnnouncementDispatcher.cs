using AnToan.Dialogs.Engine;
using AnToan.Bot.Channels;
using AnToan.Knowledge.Calendar;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Announcements;

/// <summary>What one delivery run did, counted per (announcement, conversation).</summary>
/// <param name="Skipped">Beyond the grace window, or owed until the user writes (outside the channel's window).</param>
/// <param name="Failed">Refused, gone, or still failing after the retries (those are tried again next run).</param>
public sealed record DeliveryRunResult(int Delivered, int Skipped, int Failed);

/// <summary>A delivery run: the announcements due at an instant × the subscribed conversations, each sent once.</summary>
/// <remarks>Runs from the Quartz job and from the admin API, possibly at the same time: the claims of the
/// <see cref="IDeliveryStore"/> make that safe. See there for the crash guarantees.</remarks>
public sealed class AnnouncementDispatcher(
    CalendarService calendar,
    ISubscriptionStore subscriptions,
    IDeliveryStore deliveries,
    ProactiveSender sender,
    LocalClock clock,
    IOptions<AnnouncementOptions> options,
    ILogger<AnnouncementDispatcher> logger)
{
    public async Task<DeliveryRunResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.IsQuiet(TimeOnly.FromDateTime(clock.ToLocal(now).DateTime)))
        {
            logger.LogDebug("Quiet hours at {Now}: nothing sent", now);
            return new DeliveryRunResult(0, 0, 0);
        }

        var graceStart = now.AddDays(-o.GraceDays);
        var previousRun = deliveries.AdvanceWatermark(now);
        var active = subscriptions.Active();
        var skipped = deliveries.Expire(graceStart, now);
        if (previousRun is { } since && since < graceStart)
            skipped += Due(since, graceStart).Where(a => a.DueAt > since && a.DueAt < graceStart).Sum(a => active.Count(s => Wants(s, a)));

        var due = Due(graceStart, now);
        // The same words for every conversation: rendered once per run.
        var texts = due.ToDictionary(d => d.Announcement.Key, d => calendar.Render(d.Announcement.Occurrence, d.Announcement.On));
        var work = active
            .Select(s => (Subscription: s, Items: due.Where(a => Wants(s, a)).ToList()))
            .Where(w => w.Items.Count > 0)
            .ToList();
        int delivered = 0, failed = 0, owed = 0;
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = o.Parallelism, CancellationToken = cancellationToken },
            async (w, ct) =>
            {
                var counts = await SendAllAsync(w.Subscription, w.Items, texts, ct);
                Interlocked.Add(ref delivered, counts.Delivered);
                Interlocked.Add(ref owed, counts.Skipped);
                Interlocked.Add(ref failed, counts.Failed);
            });

        if (delivered + failed + owed + skipped > 0)
            logger.LogInformation("Announcements at {Now}: {Delivered} delivered, {Skipped} skipped, {Failed} failed",
                now, delivered, skipped + owed, failed);
        var result = new DeliveryRunResult(delivered, skipped + owed, failed);
        Hosting.BotMetrics.Delivered(result);
        return result;
    }

    /// <summary>Announcements due in [<paramref name="from"/>, <paramref name="to"/>] at the configured local hour.</summary>
    public IReadOnlyList<DueAnnouncement> Due(DateTimeOffset from, DateTimeOffset to)
    {
        var at = options.Value.SendAtTime();
        return calendar.Announcements(clock.DayOf(from), clock.DayOf(to))
            .Select(a => new DueAnnouncement(a, CalendarService.DueAt(a, at, clock.Zone)))
            .Where(d => d.DueAt >= from && d.DueAt <= to)
            .ToList();
    }

    private static bool Wants(Subscription s, DueAnnouncement a) =>
        s.Categories.Contains(a.Announcement.Occurrence.Entry.Category) && a.DueAt.UtcDateTime >= s.SubscribedAt.ToUniversalTime();

    private async Task<DeliveryRunResult> SendAllAsync(
        Subscription subscription, List<DueAnnouncement> items, Dictionary<string, string> texts, CancellationToken cancellationToken)
    {
        var reference = Subscription.Deserialize(subscription);
        var gate = sender.ConversationGate();
        int delivered = 0, skipped = 0, failed = 0;
        foreach (var item in items.OrderBy(i => i.DueAt))
        {
            var announcement = item.Announcement;
            var claim = deliveries.TryClaim(Delivery.KeyOf(announcement.Key, subscription.Id), () => new Delivery
            {
                AnnouncementKey = announcement.Key,
                SubscriptionId = subscription.Id,
                EntryId = announcement.Occurrence.Entry.Id,
                OccurrenceStart = announcement.Occurrence.Start.ToString("yyyy-MM-dd"),
                DueAt = item.DueAt.UtcDateTime,
                UpdatedAt = clock.UtcNow.UtcDateTime,
            });
            if (claim is null) continue;

            var completed = false;
            try
            {
                var activity = MessageFactory.Text(texts[announcement.Key]);
                activity.TextFormat = TextFormatTypes.Markdown;
                activity.Id = claim.ActivityId;
                var (result, attempts) = await sender.SendAsync(reference, activity, gate, cancellationToken);
                claim.Attempts += attempts;
                var state = result.Outcome switch
                {
                    ProactiveOutcome.Delivered => DeliveryState.Delivered,
                    ProactiveOutcome.OutsideWindow => DeliveryState.Owed,
                    ProactiveOutcome.Transient => DeliveryState.Pending,
                    _ => DeliveryState.Failed,
                };
                deliveries.Complete(claim, state, clock.UtcNow, result.Detail);
                completed = true;
                switch (result.Outcome)
                {
                    case ProactiveOutcome.Delivered: delivered++; break;
                    case ProactiveOutcome.OutsideWindow: skipped++; break;
                    default:
                        failed++;
                        logger.LogWarning("Announcement {Key} to {Subscription}: {Outcome} ({Detail})",
                            announcement.Key, subscription.Id, result.Outcome, result.Detail);
                        break;
                }
                if (result.Outcome == ProactiveOutcome.Gone)
                {
                    subscriptions.Unsubscribe(subscription.Id, "gone");
                    break;
                }
            }
            finally
            {
                // Stopped mid-send (shutdown, cancelled run): the claim stays Pending for the next run.
                if (!completed) deliveries.Release(claim);
            }
        }
        return new DeliveryRunResult(delivered, skipped, failed);
    }
}

/// <summary>An announcement and the instant it is due.</summary>
public sealed record DueAnnouncement(Announcement Announcement, DateTimeOffset DueAt);
