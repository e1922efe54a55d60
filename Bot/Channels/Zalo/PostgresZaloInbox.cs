using AnToan.Bot.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>The inbox in the table <c>zalo_inbox</c>, shared by every instance: a retry of an event that reached one
/// instance is a duplicate on the other, and an event runs on whichever instance claims it first.</summary>
/// <remarks>A claim is a lease (<see cref="ClaimFor"/>, far longer than a turn), so that an event whose instance died
/// mid-turn is run by the next instance to start. Times are the instance's clock, in epoch milliseconds as in LiteDB.</remarks>
public sealed class PostgresZaloInbox(PostgresDatabase database, TimeProvider clock, IOptions<ZaloOptions> options) : IZaloInbox
{
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    private readonly TimeSpan _retention = ZaloInboxEntry.Retention(options.Value);
    private readonly Occasionally _cleanup = new(ZaloInboxEntry.Retention(options.Value)); // as often as rows expire

    public bool Shared => true;

    public bool TryAccept(string id, string body) =>
        database.Execute("INSERT INTO zalo_inbox (id, body, received_at_ms, done) VALUES ($1, $2, $3, false) ON CONFLICT (id) DO NOTHING",
            id, body, Now()) == 1;

    public void Forget(string id) => database.Execute("DELETE FROM zalo_inbox WHERE id = $1", id);

    public IReadOnlyList<ZaloInboxEntry> Pending() =>
        database.Query("""
            SELECT id, body, received_at_ms FROM zalo_inbox
            WHERE NOT done AND (claimed_until_ms IS NULL OR claimed_until_ms < $1) ORDER BY received_at_ms, id
            """, r => new ZaloInboxEntry { Id = r.GetString(0), Body = r.IsDBNull(1) ? null : r.GetString(1), ReceivedAtMs = r.GetInt64(2) }, Now());

    public bool TryClaim(string id)
    {
        var now = Now();
        return database.Execute("""
            UPDATE zalo_inbox SET claimed_until_ms = $2
            WHERE id = $1 AND NOT done AND (claimed_until_ms IS NULL OR claimed_until_ms < $3)
            """, id, now + (long)ClaimFor.TotalMilliseconds, now) == 1;
    }

    public void Complete(string id)
    {
        database.Execute("UPDATE zalo_inbox SET done = true, body = NULL WHERE id = $1", id);
        var now = clock.GetUtcNow();
        if (_cleanup.Due(now)) database.Execute("DELETE FROM zalo_inbox WHERE done AND received_at_ms < $1", (now - _retention).ToUnixTimeMilliseconds());
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
