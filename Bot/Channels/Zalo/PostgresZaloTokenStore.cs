using AnToan.Bot.Storage.Postgres;
using Npgsql;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>The OA's tokens in the table <c>zalo_tokens</c>, shared by every instance, and one refresher at a time
/// across them: a session advisory lock held around the refresh.</summary>
/// <remarks>Seeding is one statement that writes the settings' pair only when the stored one descends from other
/// settings: an instance starting while another refreshes never puts back the pair whose refresh token was just spent.
/// The lock waits at most the command timeout (Npgsql's 30 s by default); if the instance dies holding it, PostgreSQL
/// drops it with the connection.</remarks>
public sealed class PostgresZaloTokenStore(PostgresDatabase database) : IZaloTokenStore
{
    private const string Columns = "id, access_token, refresh_token, expires_at_ms, seed";
    private static readonly long RefreshLock = PostgresDatabase.LockKey("antoan:zalo-token-refresh");

    public ZaloTokens LoadOrSeed(ZaloOptions options)
    {
        if (options.AccessToken.Length == 0 && options.RefreshToken.Length == 0) return Load() ?? new ZaloTokens { Id = ZaloTokens.Key };
        var seeded = ZaloTokens.Seeded(options);
        database.Execute($"""
            INSERT INTO zalo_tokens AS t ({Columns}) VALUES ($1, $2, $3, 0, $4)
            ON CONFLICT (id) DO UPDATE SET access_token = $2, refresh_token = $3, expires_at_ms = 0, seed = $4 WHERE t.seed <> $4
            """, ZaloTokens.Key, seeded.AccessToken, seeded.RefreshToken, seeded.Seed);
        return Load() ?? seeded;
    }

    public void Save(ZaloTokens tokens) =>
        database.Execute($"""
            INSERT INTO zalo_tokens ({Columns}) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO UPDATE SET access_token = $2, refresh_token = $3, expires_at_ms = $4, seed = $5
            """, ZaloTokens.Key, tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAtMs, tokens.Seed);

    public async Task<IAsyncDisposable> LockRefreshAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenForLockAsync(cancellationToken);
        try
        {
            await using var take = PostgresDatabase.Command(connection, "SELECT pg_advisory_lock($1)", RefreshLock);
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private ZaloTokens? Load() =>
        database.Query($"SELECT {Columns} FROM zalo_tokens WHERE id = $1", r => new ZaloTokens
        {
            Id = r.GetString(0),
            AccessToken = r.GetString(1),
            RefreshToken = r.GetString(2),
            ExpiresAtMs = r.GetInt64(3),
            Seed = r.GetString(4),
        }, ZaloTokens.Key).SingleOrDefault();

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Not a caller's token: the lock must be let go even when the refresh was cancelled.
                await using var release = PostgresDatabase.Command(connection, "SELECT pg_advisory_unlock($1)", RefreshLock);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
