namespace AnToan.Bot.Channels.Zalo;

/// <summary>Every accepted webhook event, kept from before the 200 until its turn has run, then kept (without its body)
/// long enough to recognise a replay — across restarts, and across instances with <see cref="PostgresZaloInbox"/>.</summary>
/// <remarks>An event runs once: the processor claims it (<see cref="TryClaim"/>) just before its turn, so when two
/// instances hold it (one queued it, the other found it pending at start-up) only one runs it.</remarks>
public interface IZaloInbox
{
    /// <summary>Whether other instances accept events into this inbox too: then an event left pending for long may be
    /// one whose instance died before running it, and the others take it over (<see cref="ZaloEventProcessor"/>).</summary>
    bool Shared { get; }

    /// <returns>false when the event was seen before (a retry or a replay).</returns>
    bool TryAccept(string id, string body);

    /// <summary>Takes back an event that could not be queued, so that Zalo's retry is accepted.</summary>
    void Forget(string id);

    /// <summary>Events accepted but not yet processed (the host stopped first), oldest first.</summary>
    IReadOnlyList<ZaloInboxEntry> Pending();

    /// <returns>true when this instance may run the event now: not done, and nobody else is running it.</returns>
    bool TryClaim(string id);

    /// <summary>Marks an event processed and, now and then, forgets ids too old to matter.</summary>
    void Complete(string id);
}

public sealed class ZaloInboxEntry
{
    /// <summary><c>message.msg_id</c>, or the signature for events without one (follow, unfollow).</summary>
    public string Id { get; set; } = "";

    /// <summary>The raw event; null once processed.</summary>
    public string? Body { get; set; }

    public long ReceivedAtMs { get; set; }

    public bool Done { get; set; }

    /// <summary>How long a processed id is remembered: longer than any event can stay fresh (timestamps up to
    /// MaxEventAge in the past or the future), so by the time an id is forgotten, a replay of it is stale anyway.</summary>
    public static TimeSpan Retention(ZaloOptions options) => 2 * options.MaxEventAge + TimeSpan.FromMinutes(1);
}
