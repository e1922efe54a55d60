using System.Text.Json;
using AnToan.Bot.Content;
using AnToan.Knowledge.Model;
using Npgsql;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>Content versions in the tables <c>content_versions</c> (insert-only) and <c>content_current</c> (one row),
/// shared by every instance.</summary>
/// <remarks>Seed, publish and restore each run in a transaction holding one advisory lock, so the compare-and-set of
/// "current" and the next version number are decided by one instance at a time.</remarks>
public sealed class PostgresContentVersionStore(PostgresDatabase database) : IContentVersionStore
{
    private const string Columns = "version, year, title, note, published_at, published_by";
    private static readonly long ChangeLock = PostgresDatabase.LockKey("content:current");

    public int? Current()
    {
        using var connection = database.Open();
        return Current(connection);
    }

    public IReadOnlyList<ContentVersion> List() => database.Query($"SELECT {Columns} FROM content_versions ORDER BY version", FromRow);

    public ContentVersion? Get(int version) =>
        database.Query($"SELECT {Columns} FROM content_versions WHERE version = $1", FromRow, version).SingleOrDefault();

    public ContentFiles? Files(int version, string templatesRoot)
    {
        using var connection = database.Open();
        using var command = PostgresDatabase.Command(connection, "SELECT files::text FROM content_versions WHERE version = $1", version);
        return command.ExecuteScalar() is string json
            ? new ContentFiles(new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(json)!, StringComparer.Ordinal), templatesRoot)
            : null;
    }

    public bool Seed(ContentFiles files, ContentVersion info) => Change(connection =>
    {
        if (Current(connection) is not null) return false;
        Insert(connection, 1, files, info);
        SetCurrent(connection, 1);
        return true;
    });

    public int? Publish(ContentFiles files, ContentVersion info, int expectedCurrent) => Change<int?>(connection =>
    {
        if (Current(connection) != expectedCurrent) return null;
        using var max = new NpgsqlCommand("SELECT coalesce(max(version), 0) + 1 FROM content_versions", connection);
        var next = (int)max.ExecuteScalar()!;
        Insert(connection, next, files, info);
        SetCurrent(connection, next);
        return next;
    });

    public bool Restore(int version, int expectedCurrent) => Change(connection =>
    {
        using var exists = PostgresDatabase.Command(connection, "SELECT 1 FROM content_versions WHERE version = $1", version);
        if (Current(connection) != expectedCurrent || exists.ExecuteScalar() is null) return false;
        SetCurrent(connection, version);
        return true;
    });

    private T Change<T>(Func<NpgsqlConnection, T> change) => database.InTransaction((connection, _) =>
    {
        using (var take = PostgresDatabase.Command(connection, "SELECT pg_advisory_xact_lock($1)", ChangeLock)) take.ExecuteNonQuery();
        return change(connection);
    });

    private static int? Current(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT version FROM content_current WHERE id = 'current'", connection);
        return command.ExecuteScalar() as int?;
    }

    private static void SetCurrent(NpgsqlConnection connection, int version)
    {
        using var command = PostgresDatabase.Command(connection,
            "INSERT INTO content_current (id, version) VALUES ('current', $1) ON CONFLICT (id) DO UPDATE SET version = excluded.version", version);
        command.ExecuteNonQuery();
    }

    private static void Insert(NpgsqlConnection connection, int version, ContentFiles files, ContentVersion info)
    {
        using var command = PostgresDatabase.Command(connection, $"INSERT INTO content_versions ({Columns}, files) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)",
            version, info.Year, info.Title, info.Note, info.PublishedAt.UtcDateTime, info.PublishedBy, JsonSerializer.Serialize(files.Json));
        command.ExecuteNonQuery();
    }

    private static ContentVersion FromRow(NpgsqlDataReader r) => new(
        r.GetInt32(0), r.IsDBNull(1) ? null : r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
        new DateTimeOffset(r.GetDateTime(4), TimeSpan.Zero), r.GetString(5));
}
