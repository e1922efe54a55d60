using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>The OA's access and refresh token in LiteDB. The refresh token is single-use and rotates on every
/// refresh, so the stored pair, not the settings, is the truth once the bot has refreshed.</summary>
public sealed class ZaloTokenStore
{
    private const string Key = "oa";
    private readonly ILiteCollection<ZaloTokens> _tokens;

    public ZaloTokenStore(ILiteDatabase database) => _tokens = database.GetCollection<ZaloTokens>("zalo_tokens");

    /// <summary>The stored pair; the settings' pair on first start, or when an operator puts a new pair in the settings.</summary>
    public ZaloTokens LoadOrSeed(ZaloOptions options)
    {
        var stored = _tokens.FindById(Key);
        if (options.AccessToken.Length == 0 && options.RefreshToken.Length == 0) return stored ?? new ZaloTokens { Id = Key };
        var seed = Fingerprint(options);
        if (stored?.Seed == seed) return stored;
        var seeded = new ZaloTokens { Id = Key, AccessToken = options.AccessToken, RefreshToken = options.RefreshToken, Seed = seed };
        Save(seeded);
        return seeded;
    }

    public void Save(ZaloTokens tokens) => _tokens.Upsert(tokens with { Id = Key });

    /// <summary>A hash of the configured pair: tells whether the settings changed without storing them twice.</summary>
    private static string Fingerprint(ZaloOptions options) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(options.AccessToken + "\n" + options.RefreshToken)));
}

public sealed record ZaloTokens
{
    public string Id { get; set; } = "";
    public string AccessToken { get; set; } = "";
    public string RefreshToken { get; set; } = "";

    /// <summary>Epoch milliseconds; 0 when unknown (a token from the settings): used until Zalo refuses it.</summary>
    public long ExpiresAtMs { get; set; }

    /// <summary>The fingerprint of the settings this pair descends from.</summary>
    public string Seed { get; set; } = "";
}
