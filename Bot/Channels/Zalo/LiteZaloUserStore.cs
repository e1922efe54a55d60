using AnToan.Bot.Storage;
using LiteDB;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>When each Zalo user last wrote to the OA, in LiteDB (one instance).</summary>
public sealed class LiteZaloUserStore : IZaloUserStore
{
    private readonly ILiteCollection<ZaloUser> _users;
    private readonly Lock _gate = new();

    public LiteZaloUserStore(ILiteDatabase database) => _users = database.GetCollection<ZaloUser>("zalo_users");

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
        && now - DateTimeOffset.FromUnixTimeMilliseconds(user.LastInteractionMs) < IZaloUserStore.InteractionWindow;
}
