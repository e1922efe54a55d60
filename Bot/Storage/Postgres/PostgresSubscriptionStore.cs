using AnToan.Bot.Announcements;
using Microsoft.Bot.Schema;
using Npgsql;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>Subscribed conversations in the table <c>notify_subscriptions</c>, shared by every instance.</summary>
/// <remarks>A change reads and writes one subscription in a transaction holding an advisory lock on its id, so two
/// instances changing one subscription (a category turned on here, off there) apply one after the other. The rules
/// are <see cref="LiteSubscriptionStore"/>'s.</remarks>
public sealed class PostgresSubscriptionStore(PostgresDatabase database, TimeProvider time) : ISubscriptionStore
{
    private const string Columns = "id, channel_id, conversation_id, reference, active, categories, subscribed_at, ended_at, ended_by";

    public Subscription? Find(string channelId, string conversationId)
    {
        using var connection = database.Open();
        return Read(connection, Subscription.KeyOf(channelId, conversationId));
    }

    public IReadOnlyList<Subscription> Active() => Query("WHERE active");

    public IReadOnlyList<Subscription> All() => Query("");

    public Subscription Subscribe(ConversationReference reference, IEnumerable<string>? categories = null) =>
        Change(Subscription.KeyOf(reference.ChannelId, reference.Conversation.Id), (connection, current) =>
            Write(connection, Subscription.Subscribed(current, reference, categories, Now)));

    public bool Unsubscribe(string id, string by) =>
        Change(id, (connection, current) =>
        {
            if (!Subscription.End(current, by, Now)) return false;
            Write(connection, current!);
            return true;
        });

    public Subscription SetCategory(ConversationReference reference, string category, bool on) =>
        Change(Subscription.KeyOf(reference.ChannelId, reference.Conversation.Id), (connection, current) =>
        {
            if (current is not { Active: true })
                return on ? Write(connection, Subscription.Subscribed(current, reference, [category], Now)) : current ?? new Subscription { Categories = [] };
            var categories = Subscription.Toggled(current.Categories, category, on);
            // As in LiteDB: the last category off ends the subscription and keeps its categories.
            if (categories.Count == 0) Subscription.End(current, "user", Now);
            else (current.Categories, current.Reference) = (categories, Subscription.Serialize(reference));
            return Write(connection, current);
        });

    public void Refresh(ConversationReference reference) =>
        Change(Subscription.KeyOf(reference.ChannelId, reference.Conversation.Id), (connection, current) =>
        {
            if (current is null || Subscription.Deserialize(current).ServiceUrl == reference.ServiceUrl) return false;
            current.Reference = Subscription.Serialize(reference);
            Write(connection, current);
            return true;
        });

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Runs a change of one subscription in a transaction that holds the advisory lock of its id.</summary>
    private T Change<T>(string id, Func<NpgsqlConnection, Subscription?, T> change) =>
        database.InTransaction((connection, _) =>
        {
            using (var take = PostgresDatabase.Command(connection, "SELECT pg_advisory_xact_lock($1)", PostgresDatabase.LockKey("subscription:" + id)))
                take.ExecuteNonQuery();
            return change(connection, Read(connection, id));
        });

    private static Subscription Write(NpgsqlConnection connection, Subscription s)
    {
        using var command = PostgresDatabase.Command(connection, $"""
            INSERT INTO notify_subscriptions ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (id) DO UPDATE SET reference = excluded.reference, active = excluded.active, categories = excluded.categories,
                subscribed_at = excluded.subscribed_at, ended_at = excluded.ended_at, ended_by = excluded.ended_by
            """,
            s.Id, s.ChannelId, s.ConversationId, s.Reference, s.Active, s.Categories.ToArray(), UtcTime.Of(s.SubscribedAt), s.EndedAt is { } e ? UtcTime.Of(e) : null, s.EndedBy);
        command.ExecuteNonQuery();
        return s;
    }

    private static Subscription? Read(NpgsqlConnection connection, string id)
    {
        using var command = PostgresDatabase.Command(connection, $"SELECT {Columns} FROM notify_subscriptions WHERE id = $1", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? FromRow(reader) : null;
    }

    private IReadOnlyList<Subscription> Query(string where) =>
        database.Query($"SELECT {Columns} FROM notify_subscriptions {where} ORDER BY id", FromRow);

    private static Subscription FromRow(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        ChannelId = r.GetString(1),
        ConversationId = r.GetString(2),
        Reference = r.GetString(3),
        Active = r.GetBoolean(4),
        Categories = [.. r.GetFieldValue<string[]>(5)],
        SubscribedAt = r.GetDateTime(6),
        EndedAt = r.IsDBNull(7) ? null : r.GetDateTime(7),
        EndedBy = r.IsDBNull(8) ? null : r.GetString(8),
    };
}
