namespace AnToan.Bot.Channels.Zalo;

/// <summary>When each Zalo user last wrote to the OA: Zalo accepts consultation messages only within
/// 7 days of that, so announcements check here before calling the API.</summary>
public interface IZaloUserStore
{
    /// <summary>Zalo's policy for consultation messages ("tin tư vấn").</summary>
    static readonly TimeSpan InteractionWindow = TimeSpan.FromDays(7);

    void RecordInteraction(string userId, DateTimeOffset at);

    /// <summary>Zalo refused a message for the window (-230/-232): stop trying until the user writes again.</summary>
    void MarkOutsideWindow(string userId);

    bool IsWithinWindow(string userId, DateTimeOffset now);
}

public sealed class ZaloUser
{
    /// <summary>The OA-scoped user id (<c>sender.id</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>Epoch milliseconds.</summary>
    public long LastInteractionMs { get; set; }

    public bool OutsideWindow { get; set; }
}
