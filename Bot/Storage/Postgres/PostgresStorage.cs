using Microsoft.Bot.Builder;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>Bot state (the SDK's <see cref="IStorage"/>) in the table <c>bot_state</c>: one row per key, the value as
/// JSON and a version that every write increments.</summary>
/// <remarks>
/// Optimistic concurrency: an <see cref="IStoreItem"/> read here carries its row's version as its ETag, and writing it
/// back succeeds only while the row still has that version (otherwise <see cref="InvalidOperationException"/>, and
/// nothing of the batch is written), as <see cref="LiteDbStorage"/> does. The SDK's BotState writes plain
/// dictionaries, without ETags (last writer wins): two instances never run one conversation's turns at once
/// (<see cref="PostgresTurnLock"/>), which is what keeps those safe.
/// <para>The JSON is <see cref="StateJson"/>'s, as with LiteDB: one shape of bot state whichever provider keeps it.</para>
/// </remarks>
public sealed class PostgresStorage(PostgresDatabase database) : IStorage, IConversationPruning
{
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0) return result;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, "SELECT key, json, version FROM bot_state WHERE key = ANY($1)", (object)keys.Distinct().ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (StateJson.Deserialize(reader.GetString(1)) is not { } value) continue;
            if (value is IStoreItem item) item.ETag = reader.GetInt64(2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            result[reader.GetString(0)] = value;
        }
        return result;
    }

    /// <exception cref="InvalidOperationException">An <see cref="IStoreItem"/> carries an ETag other than the stored
    /// version (or no row is stored); nothing of the batch is written.</exception>
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return;
        var rows = changes.Select(c => (c.Key, Item: c.Value as IStoreItem, Json: StateJson.Serialize(c.Value))).ToList();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (key, item, json) in rows)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var expected = item?.ETag;
            if (!string.IsNullOrEmpty(expected) && expected != "*")
            {
                await using var update = PostgresDatabase.Command(connection,
                    "UPDATE bot_state SET json = $2, version = version + 1 WHERE key = $1 AND version::text = $3", key, json, expected);
                if (await update.ExecuteNonQueryAsync(cancellationToken) == 1) continue;
                throw new InvalidOperationException($"Etag conflict on '{key}'. Original: {expected}, current: another version or none");
            }
            await using var upsert = PostgresDatabase.Command(connection, """
                INSERT INTO bot_state (key, json, version) VALUES ($1, $2, 1)
                ON CONFLICT (key) DO UPDATE SET json = excluded.json, version = bot_state.version + 1
                """, key, json);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0) return;
        await database.ExecuteAsync("DELETE FROM bot_state WHERE key = ANY($1)", cancellationToken, (object)keys);
    }

    /// <remarks>One statement a batch: a turn's save after it writes the conversation back whole.</remarks>
    public async Task<int> PruneConversationsAsync(DateTimeOffset inactiveBefore, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var pruned = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        while (true)
        {
            await using var command = PostgresDatabase.Command(connection, """
                DELETE FROM bot_state WHERE key IN (
                    SELECT key FROM bot_state
                    WHERE strpos(key, $1) > 0
                      AND (json::jsonb -> $2 ->> $3)::timestamptz < $4
                    LIMIT $5)
                """, RetentionService.ConversationKeyPart, nameof(ConversationActivity), nameof(ConversationActivity.LastActivity),
                inactiveBefore.ToUniversalTime(), batchSize);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            pruned += deleted;
            if (deleted < batchSize) return pruned;
        }
    }
}
