using AnToan.Bot.Announcements;
using AnToan.Dialogs.Engine;
using AnToan.Knowledge;

namespace AnToan.Bot.Admin;

/// <summary>The announcements as the dashboard sees them: the dispatcher's schedule, and the deliveries and
/// subscriptions it recorded.</summary>
/// <remarks>The delivery and subscription stores also answer what the dashboard wants (the latest outcomes, ended
/// subscriptions), whichever provider keeps them. Outcomes are counted as the dispatcher counts them:
/// owed and expired deliveries are "skipped". Announcements missed while the bot was down have no delivery record and
/// appear only in the run's result.</remarks>
public sealed class AnnouncementLog(AnnouncementDispatcher dispatcher, IDeliveryStore deliveries, ISubscriptionStore subscriptions, KnowledgeStore knowledge, LocalClock clock) : IAnnouncementLog
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
        return deliveries.Recent(count)
            .Select(d => new DeliveryRecord(d.AnnouncementKey, titles.GetValueOrDefault(d.EntryId, d.EntryId),
                d.SubscriptionId.Split('|')[0], Outcome(d.State), new DateTimeOffset(DateTime.SpecifyKind(d.UpdatedAt.ToUniversalTime(), DateTimeKind.Utc))))
            .ToList();
    }

    public IReadOnlyList<SubscriptionRecord> Subscriptions() =>
        subscriptions.All()
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
