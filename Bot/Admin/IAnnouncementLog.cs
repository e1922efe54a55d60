namespace AnToan.Bot.Admin;

/// <summary>Scheduled announcements as the dashboard shows them: what is coming, what was sent, who listens.</summary>
/// <remarks>Implemented by <see cref="AnnouncementLog"/>.</remarks>
public interface IAnnouncementLog
{
    /// <summary>Announcements due between <paramref name="from"/> and <paramref name="to"/> (local days), soonest first.</summary>
    IReadOnlyList<UpcomingAnnouncement> Upcoming(DateOnly from, DateOnly to);

    /// <summary>The latest delivery attempts, newest first.</summary>
    IReadOnlyList<DeliveryRecord> RecentDeliveries(int count);

    IReadOnlyList<SubscriptionRecord> Subscriptions();
}

public sealed record UpcomingAnnouncement(string Key, string Title, string Category, DateOnly Day, DateTimeOffset DueAt);

/// <param name="Outcome">delivered | skipped | failed | pending.</param>
public sealed record DeliveryRecord(string AnnouncementKey, string Title, string ChannelId, string Outcome, DateTimeOffset At);

public sealed record SubscriptionRecord(string ChannelId, bool Active);
