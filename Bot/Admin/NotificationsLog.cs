using AnToan.Bot.Notifications;
using AnToan.Dialogs.Engine;
using AnToan.Knowledge;
using LiteDB;

namespace AnToan.Bot.Admin;

/// <summary>The announcements view over the notifications: the dispatcher's schedule, and the deliveries and
/// subscriptions it recorded.</summary>
/// <remarks>DeliveryStore and SubscriptionStore answer what a run needs (claims, active subscriptions); the dashboard
/// also wants the latest outcomes and ended subscriptions, so it reads their collections (notify_deliveries,
/// notify_subscriptions) through their public document types. Outcomes are counted as the dispatcher counts them:
/// owed and expired deliveries are "skipped". Announcements missed while the bot was down have no delivery record and
/// appear only in the run's result.</remarks>
public sealed class NotificationsLog(AnnouncementDispatcher dispatcher, ILiteDatabase database, KnowledgeStore knowledge, LocalClock clock) : IAnnouncementLog
{
    public IReadOnlyList<UpcomingAnnouncement> Upcoming(DateOnly from, DateOnly to) =>
        dispatcher.Due(StartOf(from), StartOf(to.AddDays(1)).AddTicks(-1))
            .Select(d => new UpcomingAnnouncement(d.Announcement.Key, d.Announcement.Occurrence.Entry.Title,
                d.Announcement.Occurrence.Entry.Category, d.Announcement.On, d.DueAt))
            .OrderBy(a => a.DueAt)
            .ToList();

    public IReadOnlyList<DeliveryRecord> RecentDeliveries(int count)
    {
        var titles = knowledge.Current.Calendar.ToDictionary(e => e.Id, e => e.Title);
        return database.GetCollection<Delivery>("notify_deliveries").Query()
            .OrderByDescending(d => d.UpdatedAt).Limit(count).ToList()
            .Select(d => new DeliveryRecord(d.AnnouncementKey, titles.GetValueOrDefault(d.EntryId, d.EntryId),
                d.SubscriptionId.Split('|')[0], Outcome(d.State), new DateTimeOffset(DateTime.SpecifyKind(d.UpdatedAt.ToUniversalTime(), DateTimeKind.Utc))))
            .ToList();
    }

    public IReadOnlyList<SubscriptionRecord> Subscriptions() =>
        database.GetCollection<Subscription>("notify_subscriptions").FindAll()
            .Select(s => new SubscriptionRecord(s.ChannelId, s.Active))
            .ToList();

    private static string Outcome(DeliveryState state) => state switch
    {
        DeliveryState.Delivered => "delivered",
        DeliveryState.Failed => "failed",
        DeliveryState.Owed or DeliveryState.Expired => "skipped",
        _ => "pending",
    };

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local));
    }
}
