using LiteDB;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>Every accepted webhook event, kept in LiteDB from before the 200 until its turn has run, then kept
/// (without its body) long enough to recognise a replay — across restarts too.</summary>
/// <remarks>Dates are stored as epoch milliseconds, a plain number whatever the database's date handling.</remarks>
public sealed class ZaloInbox
{
    private readonly ILiteCollection<ZaloInboxEntry> _entries;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _retention;
    private long _nextCleanupMs;

    public ZaloInbox(ILiteDatabase database, TimeProvider clock, IOptions<ZaloOptions> options)
    {
        _entries = database.GetCollection<ZaloInboxEntry>("zalo_inbox");
        _entries.EnsureIndex(e => e.ReceivedAtMs);
        _entries.EnsureIndex(e => e.Done);
        _clock = clock;
        // Longer than any event can stay fresh (timestamps up to MaxEventAge in the past or the future):
        // by the time an id is forgotten, a replay of it is stale anyway.
        _retention = 2 * options.Value.MaxEventAge + TimeSpan.FromMinutes(1);
    }

    /// <returns>false when the event was seen before (a retry or a replay).</returns>
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

    /// <summary>Takes back an event that could not be queued, so that Zalo's retry is accepted.</summary>
    public void Forget(string id) => _entries.Delete(id);

    /// <summary>Events accepted but not yet processed (the host stopped first), oldest first.</summary>
    public IReadOnlyList<ZaloInboxEntry> Pending() =>
        _entries.Query().Where(e => !e.Done).OrderBy(e => e.ReceivedAtMs).ToList();

    /// <summary>Marks an event processed and, now and then, forgets ids too old to matter.</summary>
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

public sealed class ZaloInboxEntry
{
    /// <summary><c>message.msg_id</c>, or the signature for events without one (follow, unfollow).</summary>
    public string Id { get; set; } = "";

    /// <summary>The raw event; null once processed.</summary>
    public string? Body { get; set; }

    public long ReceivedAtMs { get; set; }

    public bool Done { get; set; }
}
