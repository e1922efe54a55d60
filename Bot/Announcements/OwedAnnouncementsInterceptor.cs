using AnToan.Dialogs.Engine;
using System.Globalization;
using AnToan.Dialogs;
using AnToan.Knowledge.Calendar;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Announcements;

/// <summary>When a subscribed user writes, first gives them the announcements their channel could not take
/// (Zalo's window), then lets the message go on; also keeps the stored reference current.</summary>
/// <remarks>Sends in the user's own turn, never proactively: a proactive send here would wait for this very
/// turn's conversation lock. One message per occurrence, worded as of today; occurrences already over are
/// dropped (Expired) rather than announced late.</remarks>
public sealed class OwedAnnouncementsInterceptor(
    ISubscriptionStore subscriptions, IDeliveryStore deliveries, CalendarService calendar, LocalClock clock) : IMessageInterceptor
{
    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var reference = Subscription.ReferenceOf(turnContext.Activity);
        if (subscriptions.Find(reference.ChannelId, reference.Conversation.Id) is not { Active: true } subscription) return false;
        subscriptions.Refresh(reference);

        var today = clock.Today;
        foreach (var owed in deliveries.Owed(subscription.Id).GroupBy(d => (d.EntryId, d.OccurrenceStart)).OrderBy(g => g.Key.OccurrenceStart, StringComparer.Ordinal))
        {
            var group = owed.Select(deliveries.TryClaimOwed).OfType<Delivery>().ToList();
            if (group.Count == 0) continue;
            var start = DateOnly.ParseExact(owed.Key.OccurrenceStart, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var occurrence = calendar.Find(owed.Key.EntryId, start);
            if (occurrence is null || occurrence.End < today)
            {
                foreach (var delivery in group) deliveries.Complete(delivery, DeliveryState.Expired, clock.UtcNow, "over before the user wrote");
                continue;
            }
            var message = MessageFactory.Text(calendar.Render(occurrence, today));
            message.TextFormat = TextFormatTypes.Markdown;
            try
            {
                await turnContext.SendActivityAsync(message, cancellationToken);
            }
            catch
            {
                // Still owed: the next message tries again.
                foreach (var delivery in group) deliveries.Release(delivery);
                throw;
            }
            foreach (var delivery in group) deliveries.Complete(delivery, DeliveryState.Delivered, clock.UtcNow, "sent when the user wrote");
        }
        return false;
    }
}
