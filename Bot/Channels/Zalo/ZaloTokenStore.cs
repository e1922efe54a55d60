using System.Security.Cryptography;
using System.Text;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>The OA's access and refresh token. The refresh token is single-use and rotates on every refresh, so the
/// stored pair, not the settings, is the truth once the bot has refreshed.</summary>
public interface IZaloTokenStore
{
    /// <summary>The stored pair; the settings' pair on first start, or when an operator puts a new pair in the settings.</summary>
    ZaloTokens LoadOrSeed(ZaloOptions options);

    void Save(ZaloTokens tokens);

    /// <summary>Held around a refresh: with instances sharing the tokens, the one that waited reads the renewed pair
    /// instead of spending the refresh token a second time.</summary>
    /// <remarks>The wait is bounded: a lock not had in time throws.</remarks>
    Task<IAsyncDisposable> LockRefreshAsync(CancellationToken cancellationToken);
}

public sealed record ZaloTokens
{
    /// <summary>The id of the one stored pair.</summary>
    public const string Key = "oa";

    public string Id { get; set; } = "";
    public string AccessToken { get; set; } = "";
    public string RefreshToken { get; set; } = "";

    /// <summary>Epoch milliseconds; 0 when unknown (a token from the settings): used until Zalo refuses it.</summary>
    public long ExpiresAtMs { get; set; }

    /// <summary>The fingerprint of the settings this pair descends from.</summary>
    public string Seed { get; set; } = "";

    /// <summary>The pair of the settings, as stored on first start.</summary>
    public static ZaloTokens Seeded(ZaloOptions options) =>
        new() { Id = Key, AccessToken = options.AccessToken, RefreshToken = options.RefreshToken, Seed = Fingerprint(options) };

    /// <summary>A hash of the configured pair: tells whether the settings changed without storing them twice.</summary>
    public static string Fingerprint(ZaloOptions options) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(options.AccessToken + "\n" + options.RefreshToken)));
}
