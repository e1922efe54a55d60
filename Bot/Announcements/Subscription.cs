namespace AnToan.Bot.Announcements;

/// <summary>A conversation that receives announcements (LiteDB collection <c>notify_subscriptions</c>).</summary>
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
}
