using AnToan.Dialogs.Engine;
namespace AnToan.Bot.Admin;

/// <summary>One announcement's latest deliveries, counted per channel.</summary>
public sealed record DeliverySummary(string AnnouncementKey, string Title, DateTimeOffset LastAt, IReadOnlyList<ChannelCounts> Channels);

public sealed record ChannelCounts(string ChannelId, int Delivered, int Skipped, int Failed, int Pending);

public sealed record SubscriptionCounts(string ChannelId, int Active, int Ended);

public sealed record AnnouncementsView(
    IReadOnlyList<UpcomingAnnouncement> Upcoming, IReadOnlyList<DeliverySummary> Deliveries, IReadOnlyList<SubscriptionCounts> Subscriptions);

/// <summary>What is coming in the next days, how the last announcements went per channel, and who listens where.</summary>
public sealed class AnnouncementsReport(IAnnouncementLog log, LocalClock clock)
{
    private const int UpcomingDays = 60;
    private const int RecentDeliveries = 2000;
    private const int Announcements = 10;

    public AnnouncementsView View()
    {
        var today = clock.Today;
        var deliveries = log.RecentDeliveries(RecentDeliveries)
            .GroupBy(d => d.AnnouncementKey)
            .Select(g => new DeliverySummary(g.Key, g.First().Title, g.Max(d => d.At),
                g.GroupBy(d => d.ChannelId).OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => new ChannelCounts(c.Key, Count(c, "delivered"), Count(c, "skipped"), Count(c, "failed"), Count(c, "pending")))
                    .ToList()))
            .OrderByDescending(d => d.LastAt).Take(Announcements).ToList();
        var subscriptions = log.Subscriptions()
            .GroupBy(s => s.ChannelId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SubscriptionCounts(g.Key, g.Count(s => s.Active), g.Count(s => !s.Active)))
            .ToList();
        return new AnnouncementsView(log.Upcoming(today, today.AddDays(UpcomingDays)), deliveries, subscriptions);
    }

    private static int Count(IEnumerable<DeliveryRecord> records, string outcome) => records.Count(r => r.Outcome == outcome);
}
