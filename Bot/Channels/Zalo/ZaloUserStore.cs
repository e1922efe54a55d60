using AnToan.Bot.Storage;
using LiteDB;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>When each Zalo user last wrote to the OA: Zalo accepts consultation messages only within
/// 7 days of that, so announcements check here before calling the API.</summary>
public sealed class ZaloUserStore
{
    /// <summary>Zalo's policy for consultation messages ("tin tư vấn").</summary>
    public static readonly TimeSpan InteractionWindow = TimeSpan.FromDays(7);

    private readonly ILiteCollection<ZaloUser> _users;
    private readonly Lock _gate = new();

    public ZaloUserStore(ILiteDatabase database) => _users = database.GetCollection<ZaloUser>("zalo_users");

    public void RecordInteraction(string userId, DateTimeOffset at)
    {
        lock (_gate)
        {
            var user = _users.FindById(StorageKey.Of(userId)) ?? new ZaloUser { Id = StorageKey.Of(userId) };
            user.LastInteractionMs = Math.Max(user.LastInteractionMs, at.ToUnixTimeMilliseconds());
            user.OutsideWindow = false;
            _users.Upsert(user);
        }
    }

    /// <summary>Zalo refused a message for the window (-230/-232): stop trying until the user writes again.</summary>
    public void MarkOutsideWindow(string userId)
    {
        lock (_gate)
        {
            var user = _users.FindById(StorageKey.Of(userId)) ?? new ZaloUser { Id = StorageKey.Of(userId) };
            user.OutsideWindow = true;
            _users.Upsert(user);
        }
    }

    public bool IsWithinWindow(string userId, DateTimeOffset now) =>
        _users.FindById(StorageKey.Of(userId)) is { OutsideWindow: false, LastInteractionMs: > 0 } user
        && now - DateTimeOffset.FromUnixTimeMilliseconds(user.LastInteractionMs) < InteractionWindow;
}

public sealed class ZaloUser
{
    /// <summary>The OA-scoped user id (<c>sender.id</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>Epoch milliseconds.</summary>
    public long LastInteractionMs { get; set; }

    public bool OutsideWindow { get; set; }
}
