using AnToan.Bot.Storage;
using AnToan.Bot.Storage.Postgres;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>When each Zalo user last wrote to the OA, in the table <c>zalo_users</c>, shared by every instance: each
/// change is one upsert, so writes from two instances at once all land.</summary>
public sealed class PostgresZaloUserStore(PostgresDatabase database) : IZaloUserStore
{
    public void RecordInteraction(string userId, DateTimeOffset at) =>
        database.Execute("""
            INSERT INTO zalo_users AS u (id, last_interaction_ms, outside_window) VALUES ($1, $2, false)
            ON CONFLICT (id) DO UPDATE SET last_interaction_ms = GREATEST(u.last_interaction_ms, $2), outside_window = false
            """, StorageKey.Of(userId), at.ToUnixTimeMilliseconds());

    public void MarkOutsideWindow(string userId) =>
        database.Execute("""
            INSERT INTO zalo_users (id, last_interaction_ms, outside_window) VALUES ($1, 0, true)
            ON CONFLICT (id) DO UPDATE SET outside_window = true
            """, StorageKey.Of(userId));

    public bool IsWithinWindow(string userId, DateTimeOffset now) =>
        database.Query("SELECT last_interaction_ms FROM zalo_users WHERE id = $1 AND NOT outside_window AND last_interaction_ms > 0",
                r => r.GetInt64(0), StorageKey.Of(userId))
            is [var lastMs] && now - DateTimeOffset.FromUnixTimeMilliseconds(lastMs) < IZaloUserStore.InteractionWindow;
}
