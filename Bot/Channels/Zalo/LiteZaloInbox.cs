using LiteDB;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>The inbox in LiteDB, for one instance: the processor is its only reader, so a claim is the entry being there
/// and not done.</summary>
/// <remarks>Dates are stored as epoch milliseconds, a plain number whatever the database's date handling.</remarks>
public sealed class LiteZaloInbox : IZaloInbox
{
    private readonly ILiteCollection<ZaloInboxEntry> _entries;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _retention;
    private long _nextCleanupMs;

    public LiteZaloInbox(ILiteDatabase database, TimeProvider clock, IOptions<ZaloOptions> options)
    {
        _entries = database.GetCollection<ZaloInboxEntry>("zalo_inbox");
        _entries.EnsureIndex(e => e.ReceivedAtMs);
        _entries.EnsureIndex(e => e.Done);
        _clock = clock;
        _retention = ZaloInboxEntry.Retention(options.Value);
    }

    public bool Shared => false;

    public bool TryAccept(string id, string body)
    {
        try
        {
            _entries.Insert(new ZaloInboxEntry { Id = id, Body = body, ReceivedAtMs = _clock.GetUtcNow().ToUnixTimeMilliseconds() });
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public void Forget(string id) => _entries.Delete(id);

    public IReadOnlyList<ZaloInboxEntry> Pending() =>
        _entries.Query().Where(e => !e.Done).OrderBy(e => e.ReceivedAtMs).ToList();

    public bool TryClaim(string id) => _entries.FindById(id) is { Done: false };

    public void Complete(string id)
    {
        var entry = _entries.FindById(id);
        if (entry is null) return;
        entry.Done = true;
        entry.Body = null;
        _entries.Update(entry);

        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (now < _nextCleanupMs) return;
        _nextCleanupMs = now + (long)_retention.TotalMilliseconds;
        var cutoff = now - (long)_retention.TotalMilliseconds;
        _entries.DeleteMany(e => e.Done && e.ReceivedAtMs < cutoff);
    }
}
