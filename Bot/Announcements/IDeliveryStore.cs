namespace AnToan.Bot.Announcements;

/// <summary>Claims and outcomes of announcement deliveries: <see cref="LiteDeliveryStore"/> (LiteDB, one process) or
/// <see cref="Storage.Postgres.PostgresDeliveryStore"/> (shared by every instance).</summary>
/// <remarks>Exactly once per (announcement, conversation): whoever claims a delivery sends it, nobody else does
/// while the claim holds. What a crash can cause: see <see cref="LiteDeliveryStore"/> (one instance) and
/// <see cref="Storage.Postgres.PostgresDeliveryStore"/> (a claim without an outcome is taken over after its lease).</remarks>
public interface IDeliveryStore
{
    /// <summary>Claims the delivery for this caller, or returns null when it is done or being worked on.</summary>
    /// <remarks>A fresh claim is inserted as Pending; an unacknowledged (Pending) one nobody works on is taken over.</remarks>
    Delivery? TryClaim(string id, Func<Delivery> create);

    /// <summary>Records the outcome of an attempt and lets go of the claim (Pending = try again in a later run).</summary>
    void Complete(Delivery delivery, DeliveryState state, DateTimeOffset now, string? detail = null);

    /// <summary>Gives up on unacknowledged deliveries due before <paramref name="dueBefore"/> that nobody works on.</summary>
    /// <returns>How many were given up.</returns>
    int Expire(DateTimeOffset dueBefore, DateTimeOffset now);

    /// <summary>What the conversation is owed because its channel could not take it then (Zalo's window).</summary>
    IReadOnlyList<Delivery> Owed(string subscriptionId);

    /// <summary>Claims an owed delivery for sending in the conversation's own turn; null when someone else has it.</summary>
    Delivery? TryClaimOwed(Delivery owed);

    /// <summary>Lets go of a claim without recording an outcome.</summary>
    void Release(Delivery delivery);

    /// <summary>Moves the last-run mark to <paramref name="now"/> (never backwards) and returns where it was.</summary>
    DateTimeOffset? AdvanceWatermark(DateTimeOffset now);

    /// <summary>The latest outcomes, newest first (the dashboard).</summary>
    IReadOnlyList<Delivery> Recent(int count);
}
