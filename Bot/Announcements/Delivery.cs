namespace AnToan.Bot.Announcements;

/// <summary>The claim of one announcement for one conversation (LiteDB collection <c>notify_deliveries</c>).</summary>
/// <remarks>Its id is unique, so inserting it is the claim: whoever inserts it sends, nobody else does.</remarks>
public sealed class Delivery
{
    /// <summary>"announcementKey|subscriptionId".</summary>
    public string Id { get; set; } = "";
    public string AnnouncementKey { get; set; } = "";
    public string SubscriptionId { get; set; } = "";
    public string EntryId { get; set; } = "";
    /// <summary>The occurrence's first day, "yyyy-MM-dd".</summary>
    public string OccurrenceStart { get; set; } = "";
    /// <summary>When the announcement was due (UTC).</summary>
    public DateTime DueAt { get; set; }
    public DeliveryState State { get; set; }
    /// <summary>Derived from the id: every attempt of this delivery carries the same activity id, so a channel
    /// (or an operator reading its logs) can tell a resend after a crash from a new message.</summary>
    public string ActivityId { get; set; } = "";
    public int Attempts { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? Detail { get; set; }

    public static string KeyOf(string announcementKey, string subscriptionId) => Storage.StorageKey.Of($"{announcementKey}|{subscriptionId}");

    /// <summary>The id of the activity that sends delivery <paramref name="id"/>: the same whoever sends it, so a
    /// channel that sees it twice (a claim taken over after a crash) can tell.</summary>
    public static string ActivityIdOf(string id) =>
        "ann-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)))[..32];
}

public enum DeliveryState
{
    /// <summary>Claimed, not acknowledged by the channel: sent again (same activity id) while within the grace window.</summary>
    Pending,
    Delivered,
    /// <summary>The channel refused it for good, or the conversation is gone.</summary>
    Failed,
    /// <summary>The channel could not deliver it now (Zalo's window): sent when the user next writes.</summary>
    Owed,
    /// <summary>Never acknowledged within the grace window; given up.</summary>
    Expired,
}
