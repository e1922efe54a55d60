using JsonSerializer = System.Text.Json.JsonSerializer;
using AnToan.Knowledge.Model;
using LiteDB;

namespace AnToan.Bot.Content;

/// <summary>Drafts of imported guidance, in the bot's database (so that any instance can review and publish them).</summary>
/// <remarks>A draft is kept as its JSON: the content shapes are records LiteDB's mapper cannot build.</remarks>
public sealed class LiteDraftStore : IDraftStore
{
    private readonly ILiteCollection<DraftDoc> _drafts;
    private readonly Lock _gate = new();

    public LiteDraftStore(ILiteDatabase database)
    {
        _drafts = database.GetCollection<DraftDoc>("content_drafts");
    }

    public void Save(ContentDraft draft) =>
        _drafts.Upsert(new DraftDoc { Id = draft.DraftId, Json = JsonSerializer.Serialize(draft, ContentJson.WriteOptions) });

    public ContentDraft? Get(string id) =>
        _drafts.FindById(id) is { } doc ? JsonSerializer.Deserialize<ContentDraft>(doc.Json, ContentJson.WriteOptions) : null;

    /// <summary>Every draft, newest first.</summary>
    public IReadOnlyList<ContentDraft> List() =>
        _drafts.FindAll().Select(d => JsonSerializer.Deserialize<ContentDraft>(d.Json, ContentJson.WriteOptions)!)
            .OrderByDescending(d => d.CreatedAt).ToList();

    /// <summary>Marks the draft published as <paramref name="version"/>, unless it already was.</summary>
    /// <returns>False when another publish of it came first.</returns>
    public bool MarkPublished(string id, int version)
    {
        lock (_gate)
        {
            if (Get(id) is not { PublishedVersion: null } draft) return false;
            Save(draft with { PublishedVersion = version });
            return true;
        }
    }

    private sealed class DraftDoc
    {
        public string Id { get; set; } = "";
        public string Json { get; set; } = "";
    }
}
