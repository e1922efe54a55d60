using System.Collections.Concurrent;
using LiteDB;

namespace AnToan.Bot.Announcements;

/// <summary>Claims and outcomes of announcement deliveries, in LiteDB.</summary>
/// <remarks>
/// Exactly once per (announcement, conversation): a delivery is claimed by inserting its record, whose id is
/// unique, before anything is sent; it becomes Delivered (or Failed, Owed) when the channel answered.
/// A record left Pending is one whose send was never acknowledged — its run crashed, was stopped, or gave
/// up on a transient error. The next run sends it again with the same activity id. So a crash between the
/// channel accepting a message and the record being written can cause at most one repeat of that message,
/// carrying the same id (a channel or its logs can de-duplicate on it); nothing is ever lost by a crash.
/// We chose that over "at most once" because a missed deadline reminder costs a unit more than a repeated one.
/// <para>Inside the process the in-flight set guarantees that one delivery is worked on by one run at a time
/// (the job, an overlapping job run, the admin run). Between processes nothing is needed: LiteDB's direct
/// mode (Storage) opens the file exclusively, so a Pending record not in flight here belongs to a process
/// that is gone, and is resumed at once instead of after a timeout.</para>
/// </remarks>
public sealed class LiteDeliveryStore : IDeliveryStore
{
    private readonly ILiteCollection<Delivery> _deliveries;
    private readonly ILiteCollection<BsonDocument> _state;
    private readonly ConcurrentDictionary<string, byte> _inFlight = new();
    private readonly Lock _watermarkGate = new();

    public LiteDeliveryStore(ILiteDatabase database)
    {
        _deliveries = database.GetCollection<Delivery>("notify_deliveries");
        _deliveries.EnsureIndex(d => d.State);
        _deliveries.EnsureIndex(d => d.SubscriptionId);
        _state = database.GetCollection("notify_state");
    }

    /// <summary>Claims the delivery for this caller, or returns null when it is done or being worked on.</summary>
    /// <remarks>A fresh claim is inserted as Pending; an unacknowledged (Pending) one is taken over.</remarks>
    public Delivery? TryClaim(string id, Func<Delivery> create)
    {
        if (!_inFlight.TryAdd(id, 0)) return null;
        try
        {
            var existing = _deliveries.FindById(id);
            if (existing is { State: DeliveryState.Pending }) return existing;
            if (existing is not null) { Release(id); return null; }
            var delivery = create();
            delivery.Id = id;
            delivery.State = DeliveryState.Pending;
            delivery.ActivityId = Delivery.ActivityIdOf(id);
            _deliveries.Insert(delivery);
            return delivery;
        }
        catch
        {
            Release(id);
            throw;
        }
    }

    /// <summary>Records the outcome of an attempt and lets go of the claim (Pending = try again in a later run).</summary>
    public void Complete(Delivery delivery, DeliveryState state, DateTimeOffset now, string? detail = null)
    {
        try
        {
            delivery.State = state;
            delivery.UpdatedAt = now.UtcDateTime;
            delivery.Detail = detail;
            _deliveries.Update(delivery);
        }
        finally { Release(delivery.Id); }
    }

    /// <summary>Gives up on unacknowledged deliveries due before <paramref name="dueBefore"/>.</summary>
    /// <returns>How many were given up.</returns>
    public int Expire(DateTimeOffset dueBefore, DateTimeOffset now)
    {
        var cutoff = dueBefore.UtcDateTime;
        var expired = 0;
        foreach (var delivery in _deliveries.Find(d => d.State == DeliveryState.Pending && d.DueAt < cutoff).ToList())
        {
            if (!_inFlight.TryAdd(delivery.Id, 0)) continue;
            Complete(delivery, DeliveryState.Expired, now, "grace window passed");
            expired++;
        }
        return expired;
    }

    /// <summary>What the conversation is owed because its channel could not take it then (Zalo's window).</summary>
    public IReadOnlyList<Delivery> Owed(string subscriptionId) =>
        _deliveries.Find(d => d.SubscriptionId == subscriptionId && d.State == DeliveryState.Owed).ToList();

    /// <summary>Claims an owed delivery for sending in the conversation's own turn; null when someone else has it.</summary>
    public Delivery? TryClaimOwed(Delivery owed)
    {
        if (!_inFlight.TryAdd(owed.Id, 0)) return null;
        var current = _deliveries.FindById(owed.Id);
        if (current is { State: DeliveryState.Owed }) return current;
        Release(owed.Id);
        return null;
    }

    public void Release(Delivery delivery) => Release(delivery.Id);

    public IReadOnlyList<Delivery> Recent(int count) =>
        _deliveries.Query().OrderByDescending(d => d.UpdatedAt).Limit(count).ToList();

    /// <summary>Moves the last-run mark to <paramref name="now"/> (never backwards) and returns where it was.</summary>
    /// <remarks>Announcements due between the previous mark and the grace window were missed while the bot was
    /// down: they are counted as skipped exactly once, by the run that moves the mark past them.</remarks>
    public DateTimeOffset? AdvanceWatermark(DateTimeOffset now)
    {
        lock (_watermarkGate)
        {
            var doc = _state.FindById("watermark");
            DateTimeOffset? previous = doc is null ? null : new DateTimeOffset(doc["at"].AsDateTime.ToUniversalTime(), TimeSpan.Zero);
            if (previous is null || now > previous)
                _state.Upsert(new BsonDocument { ["_id"] = "watermark", ["at"] = now.UtcDateTime });
            return previous;
        }
    }

    private void Release(string id) => _inFlight.TryRemove(id, out _);
}
