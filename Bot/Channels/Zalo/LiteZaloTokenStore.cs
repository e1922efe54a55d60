using LiteDB;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>The OA's tokens in LiteDB, for one instance: <see cref="ZaloTokenProvider"/>'s own gate is the only
/// refresher, so the refresh lock is nothing more.</summary>
public sealed class LiteZaloTokenStore : IZaloTokenStore
{
    private readonly ILiteCollection<ZaloTokens> _tokens;

    public LiteZaloTokenStore(ILiteDatabase database) => _tokens = database.GetCollection<ZaloTokens>("zalo_tokens");

    public ZaloTokens LoadOrSeed(ZaloOptions options)
    {
        var stored = _tokens.FindById(ZaloTokens.Key);
        if (options.AccessToken.Length == 0 && options.RefreshToken.Length == 0) return stored ?? new ZaloTokens { Id = ZaloTokens.Key };
        var seed = ZaloTokens.Fingerprint(options);
        if (stored?.Seed == seed) return stored;
        var seeded = ZaloTokens.Seeded(options);
        Save(seeded);
        return seeded;
    }

    public void Save(ZaloTokens tokens) => _tokens.Upsert(tokens with { Id = ZaloTokens.Key });

    public Task<IAsyncDisposable> LockRefreshAsync(CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
