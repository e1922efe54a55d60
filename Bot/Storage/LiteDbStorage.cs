using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace AnToan.Bot.Storage;

/// <summary>Bot state (the SDK's <see cref="IStorage"/>) kept in one LiteDB collection, one document per key:
/// the value as JSON written the way the SDK's own storages write it, plus an ETag.</summary>
/// <remarks>
/// The JSON settings are those of the SDK's MemoryStorage and BlobsStorage (TypeNameHandling.All, so state bags
/// and dialog stacks come back as the types that were saved), with one deliberate difference: strings are never
/// parsed as dates on the way back (the SDK's storages turn a user's "2021-12-01" into a DateTime, its issue
/// #5924). Typed DateTime/DateTimeOffset members still round-trip exactly; keep dates in typed members.
/// <para>The document id is a hash of the key because LiteDB compares strings with the database's collation,
/// case-insensitive by default, while bot keys (conversation ids) are case-sensitive; the key itself is kept
/// beside it for people reading the file.</para>
/// <para>Durability: writes go through the <see cref="LiteDbWriter"/>, which commits the writes of concurrent turns
/// together and fsyncs LiteDB's log before it acknowledges any of them, so a saved turn survives a killed process,
/// a power cut or an OS crash; checkpoints run in its background.</para>
/// </remarks>
public sealed class LiteDbStorage : IStorage
{
    public const string CollectionName = "bot_state";

    // TypeNameHandling.All is safe here: the JSON is only ever read back from our own database file.
    private static readonly JsonSerializerSettings WriteSettings = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        MaxDepth = null,
    };

    private static readonly JsonSerializerSettings ReadSettings = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        MaxDepth = null,
        DateParseHandling = DateParseHandling.None,
    };

    private readonly ILiteCollection<BsonDocument> _items;
    // The ETag check and the write it guards run on the writer's one thread: no other write interleaves.
    private readonly LiteDbWriter _writer;

    /// <summary>Most documents kept in <see cref="_committed"/> before it starts again empty.</summary>
    private const int MaxCommitted = 10_000;

    /// <summary>The documents this storage wrote, as committed (JSON and ETag by id): the state of a conversation is
    /// read at the start of each of its turns, and from here that costs no LiteDB query.</summary>
    /// <remarks>Only this class writes the collection. Entries are set by the writer's thread after the commit, in
    /// commit order, so the last one set is what the file holds; a write removes its entries before it is queued, so
    /// a read during a write goes to the file. Reads never fill it (a read racing a write could put back an old
    /// value).</remarks>
    private readonly ConcurrentDictionary<string, (string Json, string ETag)> _committed = new();

    public LiteDbStorage(ILiteDatabase db, LiteDbWriter writer)
    {
        _writer = writer;
        _items = db.GetCollection(CollectionName);
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys.Distinct())
        {
            var id = Id(key);
            if (!_committed.TryGetValue(id, out var stored))
            {
                if (_items.FindById(id) is not { } doc) continue;
                stored = (doc["json"].AsString, doc["etag"].AsString);
            }
            if (JsonConvert.DeserializeObject<object>(stored.Json, ReadSettings) is not { } value) continue;
            if (value is IStoreItem item) item.ETag = stored.ETag;
            result[key] = value;
        }
        return Task.FromResult<IDictionary<string, object>>(result);
    }

    /// <exception cref="InvalidOperationException">An <see cref="IStoreItem"/> carries an ETag other than the stored
    /// one (or none is stored); nothing of the batch is written.</exception>
    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.Count == 0) return Task.CompletedTask;
        // Serialise on the caller's thread: it is the slow part and touches nothing shared.
        var documents = changes.Select(c => (c.Key, Id: Id(c.Key), Item: c.Value as IStoreItem,
            Json: JsonConvert.SerializeObject(c.Value, WriteSettings), ETag: Guid.NewGuid().ToString("N"))).ToList();
        foreach (var document in documents) _committed.TryRemove(document.Id, out _);
        return _writer.WriteAsync(() =>
        {
            // Every ETag is checked before anything is written, so a conflict leaves nothing of the batch behind.
            foreach (var (key, id, item, _, _) in documents)
            {
                var expected = item?.ETag;
                if (!string.IsNullOrEmpty(expected) && expected != "*")
                {
                    var current = _items.FindById(id)?["etag"].AsString;
                    if (current != expected)
                        throw new InvalidOperationException($"Etag conflict on '{key}'. Original: {expected}, current: {current ?? "(none)"}");
                }
            }
            foreach (var (key, id, _, json, etag) in documents)
            {
                _items.Upsert(new BsonDocument
                {
                    ["_id"] = id,
                    ["key"] = key,
                    ["json"] = json,
                    ["etag"] = etag,
                });
            }
        }, committed: () =>
        {
            if (_committed.Count >= MaxCommitted) _committed.Clear();
            foreach (var (_, id, _, json, etag) in documents) _committed[id] = (json, etag);
        });
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        if (keys.Length == 0) return Task.CompletedTask;
        var ids = keys.Select(Id).ToList();
        foreach (var id in ids) _committed.TryRemove(id, out _);
        return _writer.WriteAsync(() => { foreach (var id in ids) _items.Delete(id); },
            committed: () => { foreach (var id in ids) _committed.TryRemove(id, out _); });
    }

    private static string Id(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
