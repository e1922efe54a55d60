using AnToan.Bot.Storage.Postgres;

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

    public Task<IAsyncDisposable> LockRefreshAsync(CancellationToken cancellationToken) =>
        database.HoldLockAsync(RefreshLock, cancellationToken);

    private ZaloTokens? Load() =>
        database.Query($"SELECT {Columns} FROM zalo_tokens WHERE id = $1", r => new ZaloTokens
        {
            Id = r.GetString(0),
            AccessToken = r.GetString(1),
            RefreshToken = r.GetString(2),
            ExpiresAtMs = r.GetInt64(3),
            Seed = r.GetString(4),
        }, ZaloTokens.Key).SingleOrDefault();
}
