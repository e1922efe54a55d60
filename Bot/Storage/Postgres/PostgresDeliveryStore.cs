using AnToan.Bot.Announcements;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>Claims and outcomes of announcement deliveries in the table <c>notify_deliveries</c>, shared by every
/// instance.</summary>
/// <remarks>
/// A claim is a row: its id (announcement and conversation) is the primary key, so of two instances inserting it one
/// wins and sends, the other gets nothing. While an instance works on a delivery the row carries a lease
/// (<c>claimed_until</c>, on the database's clock); completing or releasing it clears the lease. A Pending row whose
/// lease ran out belongs to an instance that died mid-send: the next run takes it over and sends it again with the
/// same activity id, as <see cref="LiteDeliveryStore"/> does after a crash — here after the lease
/// (Announcements:DeliveryLease) instead of at once, since another instance may still be sending it.
/// </remarks>
public sealed class PostgresDeliveryStore(PostgresDatabase database, IOptions<AnnouncementOptions> options) : IDeliveryStore
{
    private readonly TimeSpan _lease = options.Value.DeliveryLease;

    private const string Columns = "id, announcement_key, subscription_id, entry_id, occurrence_start, due_at, state, activity_id, attempts, updated_at, detail";
    private const string Unclaimed = "(claimed_until IS NULL OR claimed_until < now())";

    public Delivery? TryClaim(string id, Func<Delivery> create)
    {
        var delivery = create();
        delivery.Id = id;
        delivery.State = DeliveryState.Pending;
        delivery.ActivityId = Delivery.ActivityIdOf(id);
        using var connection = database.Open();
        using (var insert = PostgresDatabase.Command(connection, $"""
            INSERT INTO notify_deliveries ({Columns}, claimed_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now() + $12)
            ON CONFLICT (id) DO NOTHING
            """,
            delivery.Id, delivery.AnnouncementKey, delivery.SubscriptionId, delivery.EntryId, delivery.OccurrenceStart,
            UtcTime.Of(delivery.DueAt), delivery.State.ToString(), delivery.ActivityId, delivery.Attempts,
            UtcTime.Of(delivery.UpdatedAt), delivery.Detail, _lease))
        {
            if (insert.ExecuteNonQuery() == 1) return delivery;
        }
        return TakeOver(connection, id, DeliveryState.Pending);
    }

    public void Complete(Delivery delivery, DeliveryState state, DateTimeOffset now, string? detail = null)
    {
        delivery.State = state;
        delivery.UpdatedAt = now.UtcDateTime;
        delivery.Detail = detail;
        using var connection = database.Open();
        using var command = PostgresDatabase.Command(connection,
            "UPDATE notify_deliveries SET state = $2, updated_at = $3, detail = $4, attempts = $5, claimed_until = NULL WHERE id = $1",
            delivery.Id, state.ToString(), delivery.UpdatedAt, detail, delivery.Attempts);
        command.ExecuteNonQuery();
    }

    public int Expire(DateTimeOffset dueBefore, DateTimeOffset now)
    {
        using var connection = database.Open();
        using var command = PostgresDatabase.Command(connection, $"""
            UPDATE notify_deliveries SET state = $3, updated_at = $2, detail = 'grace window passed', claimed_until = NULL
            WHERE state = $4 AND due_at < $1 AND {Unclaimed}
            """, dueBefore.UtcDateTime, now.UtcDateTime, nameof(DeliveryState.Expired), nameof(DeliveryState.Pending));
        return command.ExecuteNonQuery();
    }

    public IReadOnlyList<Delivery> Owed(string subscriptionId) =>
        Query($"SELECT {Columns} FROM notify_deliveries WHERE subscription_id = $1 AND state = $2 ORDER BY id", subscriptionId, nameof(DeliveryState.Owed));

    public Delivery? TryClaimOwed(Delivery owed)
    {
        using var connection = database.Open();
        return TakeOver(connection, owed.Id, DeliveryState.Owed);
    }

    public void Release(Delivery delivery)
    {
        using var connection = database.Open();
        using var command = PostgresDatabase.Command(connection, "UPDATE notify_deliveries SET claimed_until = NULL WHERE id = $1", delivery.Id);
        command.ExecuteNonQuery();
    }

    public DateTimeOffset? AdvanceWatermark(DateTimeOffset now) =>
        database.InTransaction((connection, _) =>
        {
            using (var take = PostgresDatabase.Command(connection, "SELECT pg_advisory_xact_lock($1)", PostgresDatabase.LockKey("announcements:watermark")))
                take.ExecuteNonQuery();
            DateTimeOffset? previous;
            using (var read = new NpgsqlCommand("SELECT at FROM notify_state WHERE id = 'watermark'", connection))
                previous = read.ExecuteScalar() is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
            if (previous is null || now > previous)
            {
                using var write = PostgresDatabase.Command(connection,
                    "INSERT INTO notify_state (id, at) VALUES ('watermark', $1) ON CONFLICT (id) DO UPDATE SET at = excluded.at", now.UtcDateTime);
                write.ExecuteNonQuery();
            }
            return previous;
        });

    public IReadOnlyList<Delivery> Recent(int count) =>
        Query($"SELECT {Columns} FROM notify_deliveries ORDER BY updated_at DESC, id LIMIT $1", count);

    /// <summary>Takes the lease of a row in <paramref name="state"/> that nobody holds.</summary>
    private Delivery? TakeOver(NpgsqlConnection connection, string id, DeliveryState state)
    {
        using var command = PostgresDatabase.Command(connection,
            $"UPDATE notify_deliveries SET claimed_until = now() + $3 WHERE id = $1 AND state = $2 AND {Unclaimed} RETURNING {Columns}",
            id, state.ToString(), _lease);
        using var reader = command.ExecuteReader();
        return reader.Read() ? FromRow(reader) : null;
    }

    private IReadOnlyList<Delivery> Query(string sql, params object?[] values) => database.Query(sql, FromRow, values);

    private static Delivery FromRow(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        AnnouncementKey = r.GetString(1),
        SubscriptionId = r.GetString(2),
        EntryId = r.GetString(3),
        OccurrenceStart = r.GetString(4),
        DueAt = r.GetDateTime(5),
        State = Enum.Parse<DeliveryState>(r.GetString(6)),
        ActivityId = r.GetString(7),
        Attempts = r.GetInt32(8),
        UpdatedAt = r.GetDateTime(9),
        Detail = r.IsDBNull(10) ? null : r.GetString(10),
    };
}
