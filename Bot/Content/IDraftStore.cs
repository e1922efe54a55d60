namespace AnToan.Bot.Content;

/// <summary>Drafts of imported guidance: <see cref="LiteDraftStore"/> (LiteDB) or
/// <see cref="Storage.Postgres.PostgresDraftStore"/> (shared, so that any instance can review and publish them).</summary>
public interface IDraftStore
{
    void Save(ContentDraft draft);

    ContentDraft? Get(string id);

    /// <summary>Every draft, newest first.</summary>
    IReadOnlyList<ContentDraft> List();

    /// <summary>Marks the draft published as <paramref name="version"/>, unless it already was.</summary>
    /// <returns>False when another publish of it came first.</returns>
    bool MarkPublished(string id, int version);
}
