using AnToan.Knowledge.Calendar;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace AnToan.Bot.Announcements;

/// <summary>A conversation that receives announcements, and the rules of subscribing both stores follow.</summary>
/// <remarks>Ended subscriptions are kept (Active = false) so that a re-subscription keeps its history and the
/// reference stays available for owed announcements.</remarks>
public sealed class Subscription
{
    /// <summary>"channelId|conversationId".</summary>
    public string Id { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    /// <summary>The Bot Framework ConversationReference as JSON (the SDK's own serializer), without an activity id.</summary>
    public string Reference { get; set; } = "";
    public bool Active { get; set; }
    /// <summary>Calendar categories announced to this conversation.</summary>
    public List<string> Categories { get; set; } = [];
    /// <summary>Announcements due before this instant are not sent to the conversation (UTC).</summary>
    public DateTime SubscribedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>Why it ended: "user", "removed", "gone".</summary>
    public string? EndedBy { get; set; }

    public static string KeyOf(string channelId, string conversationId) => Storage.StorageKey.Of($"{channelId}|{conversationId}");

    /// <summary>The reference to store for proactive messages: the conversation's, not the activity's.</summary>
    /// <remarks>Without an activity id a proactive message starts a new message instead of replying to an old
    /// one; a Teams channel thread (";messageid=...") stands for its channel, so a channel has one subscription
    /// and announcements start their own posts.</remarks>
    public static ConversationReference ReferenceOf(IActivity activity)
    {
        var reference = activity.GetConversationReference();
        reference.ActivityId = null;
        var id = reference.Conversation?.Id;
        var thread = id?.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase) ?? -1;
        // A copy: the reference shares the activity's ConversationAccount, whose id keys the turn's conversation state.
        if (thread > 0 && reference.ChannelId == Microsoft.Bot.Connector.Channels.Msteams)
        {
            reference.Conversation = JsonConvert.DeserializeObject<ConversationAccount>(JsonConvert.SerializeObject(reference.Conversation))!;
            reference.Conversation.Id = id![..thread];
        }
        return reference;
    }

    public static ConversationReference Deserialize(Subscription subscription) =>
        JsonConvert.DeserializeObject<ConversationReference>(subscription.Reference)
        ?? throw new InvalidOperationException($"Subscription {subscription.Id} has no reference.");

    public static string Serialize(ConversationReference reference) => JsonConvert.SerializeObject(reference);

    /// <summary>The conversation of <paramref name="reference"/> subscribed to <paramref name="categories"/> (null = every
    /// category): <paramref name="current"/> changed, or a new subscription.</summary>
    public static Subscription Subscribed(Subscription? current, ConversationReference reference, IEnumerable<string>? categories, DateTime now)
    {
        var subscription = current ?? new Subscription
        {
            Id = Subscription.KeyOf(reference.ChannelId, reference.Conversation.Id),
            ChannelId = reference.ChannelId,
            ConversationId = reference.Conversation.Id,
        };
        if (!subscription.Active) subscription.SubscribedAt = now;
        subscription.Active = true;
        subscription.EndedAt = null;
        subscription.EndedBy = null;
        subscription.Categories = (categories ?? CalendarCategories.All).Distinct().ToList();
        subscription.Reference = Serialize(reference);
        return subscription;
    }

    /// <summary>Ends <paramref name="subscription"/> if it is active.</summary>
    /// <returns>true when it was active.</returns>
    public static bool End(Subscription? subscription, string by, DateTime now)
    {
        if (subscription is not { Active: true }) return false;
        subscription.Active = false;
        subscription.EndedAt = now;
        subscription.EndedBy = by;
        return true;
    }

    /// <summary>The categories with <paramref name="category"/> turned on or off, in the calendar's order.</summary>
    public static List<string> Toggled(IEnumerable<string> categories, string category, bool on)
    {
        var set = categories.Where(c => c != category).Concat(on ? [category] : []).ToHashSet();
        return CalendarCategories.All.Where(set.Contains).ToList();
    }
}
