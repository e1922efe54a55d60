using AnToan.Bot.Storage;
using AnToan.Knowledge.Model;
using LiteDB;

namespace AnToan.Bot.Content;

/// <summary>A published version of the content: its number, the guidance year and title it was published for, who
/// published it, when, and why.</summary>
public sealed record ContentVersion(int Version, int? Year, string Title, string? Note, DateTimeOffset PublishedAt, string PublishedBy);

/// <summary>Every version of the content's JSON files, and which one is in service, in the bot's database.</summary>
/// <remarks>Versions are insert-only; "current" is one record changed by compare-and-set, so of two publishes (or a
/// publish and a restore) started from the same version, one wins and the other is told so. Every instance on the
/// database reads "current" to know what to serve (<see cref="ContentVersions.Sync"/>).</remarks>
public sealed class LiteContentVersionStore : IContentVersionStore
{
    private const string CurrentId = "current";

    private readonly ILiteCollection<VersionDoc> _versions;
    private readonly ILiteCollection<CurrentDoc> _current;
    private readonly Lock _gate = new();

    public LiteContentVersionStore(ILiteDatabase database)
    {
        _versions = database.GetCollection<VersionDoc>("content_versions");
        _current = database.GetCollection<CurrentDoc>("content_current");
    }

    /// <summary>The version in service; null before the first start seeded version 1.</summary>
    public int? Current() => _current.FindById(CurrentId)?.Version;

    /// <summary>Every version, oldest first.</summary>
    public IReadOnlyList<ContentVersion> List() =>
        _versions.Query().OrderBy(v => v.Id).Select(v => new { v.Id, v.Year, v.Title, v.Note, v.PublishedAt, v.PublishedBy }).ToList()
            .Select(v => new ContentVersion(v.Id, v.Year, v.Title, v.Note, UtcTime.Instant(v.PublishedAt), v.PublishedBy)).ToList();

    public ContentVersion? Get(int version) => _versions.FindById(version) is { } v
        ? new ContentVersion(v.Id, v.Year, v.Title, v.Note, UtcTime.Instant(v.PublishedAt), v.PublishedBy)
        : null;

    /// <summary>The JSON files of a version, with the templates of <paramref name="templatesRoot"/>.</summary>
    public ContentFiles? Files(int version, string templatesRoot) => _versions.FindById(version) is { } v
        ? new ContentFiles(v.Files.ToDictionary(f => f.Name, f => f.Text, StringComparer.Ordinal), templatesRoot)
        : null;

    /// <summary>Stores <paramref name="files"/> as version 1 and puts it in service, unless there are versions already.</summary>
    /// <returns>True when it seeded.</returns>
    public bool Seed(ContentFiles files, ContentVersion info)
    {
        lock (_gate)
        {
            if (_current.FindById(CurrentId) is not null) return false;
            _versions.Upsert(Doc(1, files, info));
            _current.Upsert(new CurrentDoc { Id = CurrentId, Version = 1 });
            return true;
        }
    }

    /// <summary>Stores <paramref name="files"/> as the next version and puts it in service, if the version in service
    /// is still <paramref name="expectedCurrent"/>.</summary>
    /// <returns>The new version's number, or null when another change came first.</returns>
    public int? Publish(ContentFiles files, ContentVersion info, int expectedCurrent)
    {
        lock (_gate)
        {
            if (Current() != expectedCurrent) return null;
            var next = _versions.Count() == 0 ? 1 : _versions.Max(v => v.Id) + 1;
            _versions.Insert(Doc(next, files, info));
            _current.Upsert(new CurrentDoc { Id = CurrentId, Version = next });
            return next;
        }
    }

    /// <summary>Puts an existing version back in service, if the version in service is still <paramref name="expectedCurrent"/>.</summary>
    public bool Restore(int version, int expectedCurrent)
    {
        lock (_gate)
        {
            if (Current() != expectedCurrent || _versions.FindById(version) is null) return false;
            _current.Upsert(new CurrentDoc { Id = CurrentId, Version = version });
            return true;
        }
    }

    private static VersionDoc Doc(int version, ContentFiles files, ContentVersion info) => new()
    {
        Id = version,
        Year = info.Year,
        Title = info.Title,
        Note = info.Note,
        PublishedAt = info.PublishedAt.UtcDateTime,
        PublishedBy = info.PublishedBy,
        Files = files.Json.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new FileDoc { Name = f.Key, Text = f.Value }).ToList(),
    };


    private sealed class VersionDoc
    {
        public int Id { get; set; }
        public int? Year { get; set; }
        public string Title { get; set; } = "";
        public string? Note { get; set; }
        public DateTime PublishedAt { get; set; }
        public string PublishedBy { get; set; } = "";
        public List<FileDoc> Files { get; set; } = [];
    }

    /// <summary>A file name is a value, not a field name: "passages.json" would read as a path in a BSON field.</summary>
    private sealed class FileDoc
    {
        public string Name { get; set; } = "";
        public string Text { get; set; } = "";
    }

    private sealed class CurrentDoc
    {
        public string Id { get; set; } = "";
        public int Version { get; set; }
    }
}
