using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Microsoft.Bot.Builder;

namespace AnToan.Bot.Storage;

/// <summary>Bot state (the SDK's <see cref="IStorage"/>) kept in one LiteDB collection, one document per key:
/// the value as JSON written the way the SDK's own storages write it, plus an ETag.</summary>
/// <remarks>
/// The JSON is <see cref="StateJson"/>'s.
/// <para>The document id is a hash of the key because LiteDB compares strings with the database's collation,
/// case-insensitive by default, while bot keys (conversation ids) are case-sensitive; the key itself is kept
/// beside it for people reading the file.</para>
/// <para>Durability: writes go through the <see cref="LiteDbWriter"/>, which commits the writes of concurrent turns
/// together and fsyncs LiteDB's log before it acknowledges any of them, so a saved turn survives a killed process,
/// a power cut or an OS crash; checkpoints run in its background.</para>
/// </remarks>
public sealed class LiteDbStorage : IStorage, IConversationPruning
{
    public const string CollectionName = "bot_state";

    private readonly ILiteCollection<BsonDocument> _items;
    // The ETag check and the write it guards run on the writer's one thread: no other write interleaves.
    private readonly LiteDbWriter _writer;

    /// <summary>The collection's documents as the file holds them, for the reads of every turn.</summary>
    private readonly KnownDocuments _known = new();

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
            if (!_known.TryGet(id, out var stored, out var token))
            {
                stored = _items.FindById(id) is { } doc ? new StoredDocument(doc["json"].AsString, doc["etag"].AsString) : null;
                _known.Read(id, stored, token);
            }
            if (stored is null) continue;
            if (StateJson.Deserialize(stored.Json) is not { } value) continue;
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
            Json: StateJson.Serialize(c.Value), ETag: NewETag())).ToList();
        var ids = documents.Select(d => d.Id).ToList();
        _known.Writing(ids);
        return Settled(ids, _writer.WriteAsync(() =>
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
        }, committed: () => _known.Committed(documents.Select(d => (d.Id, (StoredDocument?)new StoredDocument(d.Json, d.ETag))))));
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        if (keys.Length == 0) return Task.CompletedTask;
        var ids = keys.Select(Id).ToList();
        _known.Writing(ids);
        return Settled(ids, _writer.WriteAsync(() => { foreach (var id in ids) _items.Delete(id); },
            committed: () => _known.Committed(ids.Select(id => (id, (StoredDocument?)null)))));
    }

    /// <remarks>Reads the collection a page at a time (in id order) and deletes the stale conversations of each page
    /// through the writer, only if unchanged since read (same ETag), so a turn's save in between is kept. The read
    /// cache learns of each deletion like of any write.</remarks>
    public async Task<int> PruneConversationsAsync(DateTimeOffset inactiveBefore, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var pruned = 0;
        var after = BsonValue.MinValue;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = _items.Query().Where(Query.GT("_id", after)).OrderBy("_id").Limit(batchSize).ToList();
            if (page.Count == 0) return pruned;
            after = page[^1]["_id"];
            var stale = page.Where(d => RetentionService.IsConversationKey(d["key"].AsString) && RetentionService.LastActivity(d["json"].AsString) < inactiveBefore)
                .Select(d => (Id: d["_id"].AsString, ETag: d["etag"].AsString)).ToList();
            if (stale.Count > 0) pruned += await DeleteUnchangedAsync(stale);
            if (page.Count < batchSize) return pruned;
        }
    }

    /// <summary>Deletes the documents that still have the given ETags; returns how many.</summary>
    private async Task<int> DeleteUnchangedAsync(List<(string Id, string ETag)> documents)
    {
        var ids = documents.Select(d => d.Id).ToList();
        var deleted = new List<string>();
        _known.Writing(ids);
        await Settled(ids, _writer.WriteAsync(() =>
        {
            deleted.Clear(); // the writer runs a write again when another write of its group failed
            foreach (var (id, etag) in documents)
                if (_items.FindById(id)?["etag"].AsString == etag && _items.Delete(id)) deleted.Add(id);
        }, committed: () =>
        {
            _known.Committed(deleted.Select(id => (id, (StoredDocument?)null)));
            _known.Failed(ids.Except(deleted)); // changed meanwhile: read again from the file
        }));
        return deleted.Count;
    }

    /// <summary>Tells <see cref="_known"/> about a write that failed (it was told about one that succeeded on commit).</summary>
    private async Task Settled(List<string> ids, Task write)
    {
        try { await write; }
        catch
        {
            _known.Failed(ids);
            throw;
        }
    }

    private sealed record StoredDocument(string Json, string ETag);

    /// <summary>An ETag no other write has had: this process's random prefix and a count of its writes (a new GUID
    /// per write cost a system call for random bytes on every turn).</summary>
    private string NewETag() => $"{_etagPrefix}{Interlocked.Increment(ref _writes):x}";

    private readonly string _etagPrefix = Guid.NewGuid().ToString("N")[..16];
    private long _writes;

    /// <summary>What the file holds for the ids read or written lately: a document, or null when there is none — so
    /// a turn's reads (conversation and user state) cost no LiteDB query once the conversation is known.</summary>
    /// <remarks>Only <see cref="LiteDbStorage"/> writes the collection. A write marks its ids before it is queued and
    /// sets them once committed, on the writer's thread and in commit order, so the last value set is the file's. A
    /// read from the file is kept only if nothing about its id changed while it ran (no write began, was committed or
    /// failed, and nothing was dropped): otherwise it might put back a value older than one just committed.
    /// Bounded: entries with no write under way are dropped when it is full.</remarks>
    private sealed class KnownDocuments
    {
        private const int MaxEntries = 10_000;

        private readonly Lock _gate = new();
        private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
        private long _drops;

        /// <returns>true with the document (null: none) when it is known; else false and a token for <see cref="Read"/>.</returns>
        public bool TryGet(string id, out StoredDocument? document, out (Entry? Entry, long Changes, long Drops) token)
        {
            lock (_gate)
            {
                _entries.TryGetValue(id, out var entry);
                document = entry?.Document;
                token = (entry, entry?.Changes ?? 0, _drops);
                return entry is { Known: true };
            }
        }

        /// <summary>Keeps what a read found in the file, if nothing about the id changed since <see cref="TryGet"/>.</summary>
        public void Read(string id, StoredDocument? document, (Entry? Entry, long Changes, long Drops) token)
        {
            lock (_gate)
            {
                _entries.TryGetValue(id, out var entry);
                if (token.Drops != _drops || entry != token.Entry || (entry?.Changes ?? 0) != token.Changes || entry is { Writes: > 0 }) return;
                if (entry is null) _entries[id] = entry = New();
                (entry.Document, entry.Known) = (document, true);
            }
        }

        public void Writing(IEnumerable<string> ids) => Change(ids, e => { e.Writes++; e.Known = false; });

        public void Committed(IEnumerable<(string Id, StoredDocument? Document)> documents)
        {
            lock (_gate)
                foreach (var (id, document) in documents)
                {
                    var entry = Get(id);
                    entry.Writes--;
                    entry.Changes++;
                    (entry.Document, entry.Known) = (document, true);
                }
        }

        public void Failed(IEnumerable<string> ids) => Change(ids, e => { e.Writes--; e.Known = false; });

        private void Change(IEnumerable<string> ids, Action<Entry> change)
        {
            lock (_gate)
                foreach (var id in ids)
                {
                    var entry = Get(id);
                    entry.Changes++;
                    change(entry);
                }
        }

        private Entry Get(string id)
        {
            if (!_entries.TryGetValue(id, out var entry)) _entries[id] = entry = New();
            return entry;
        }

        private Entry New()
        {
            if (_entries.Count >= MaxEntries)
            {
                foreach (var (id, entry) in _entries)
                    if (entry.Writes == 0) _entries.Remove(id);
                _drops++;
            }
            return new Entry();
        }

        public sealed class Entry
        {
            public StoredDocument? Document { get; set; }
            public bool Known { get; set; }
            /// <summary>Writes queued and not yet committed or failed.</summary>
            public int Writes { get; set; }
            /// <summary>Counts every write that began, was committed or failed.</summary>
            public long Changes { get; set; }
        }
    }

    private static string Id(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
