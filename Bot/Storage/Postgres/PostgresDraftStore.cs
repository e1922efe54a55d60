using AnToan.Bot.Content;
using AnToan.Knowledge.Model;
using Npgsql;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>Drafts of imported guidance in the table <c>content_drafts</c>, each kept as its JSON (as in LiteDB).</summary>
public sealed class PostgresDraftStore(PostgresDatabase database) : IDraftStore
{
    public void Save(ContentDraft draft)
    {
        using var connection = database.Open();
        Save(connection, draft);
    }

    public ContentDraft? Get(string id)
    {
        using var connection = database.Open();
        return Get(connection, id, forUpdate: false);
    }

    public IReadOnlyList<ContentDraft> List() =>
        database.Query("SELECT json FROM content_drafts", r => JsonSerializer.Deserialize<ContentDraft>(r.GetString(0), ContentJson.WriteOptions)!)
            .OrderByDescending(d => d.CreatedAt).ToList();

    /// <remarks>The draft's row stays locked from the check to the write: of two publishes of it, one marks it.</remarks>
    public bool MarkPublished(string id, int version) => database.InTransaction((connection, _) =>
    {
        if (Get(connection, id, forUpdate: true) is not { PublishedVersion: null } draft) return false;
        Save(connection, draft with { PublishedVersion = version });
        return true;
    });

    private static ContentDraft? Get(NpgsqlConnection connection, string id, bool forUpdate)
    {
        using var command = PostgresDatabase.Command(connection, "SELECT json FROM content_drafts WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""), id);
        return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize<ContentDraft>(json, ContentJson.WriteOptions) : null;
    }

    private static void Save(NpgsqlConnection connection, ContentDraft draft)
    {
        using var command = PostgresDatabase.Command(connection,
            "INSERT INTO content_drafts (id, json) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
            draft.DraftId, JsonSerializer.Serialize(draft, ContentJson.WriteOptions));
        command.ExecuteNonQuery();
    }
}
