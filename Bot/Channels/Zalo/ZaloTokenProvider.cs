using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>Hands out the OA access token and refreshes it, one refresher at a time.</summary>
/// <remarks>Zalo's refresh token is single-use: two refreshes at once would burn it and lock the bot out.
/// Callers that find a refresh under way wait for it and take its token — within the instance (a semaphore) and across
/// instances sharing the tokens (the store's refresh lock, under which the stored pair is read again: another instance
/// may have renewed it).</remarks>
public sealed class ZaloTokenProvider(
    IZaloTokenStore store,
    IHttpClientFactory httpClients,
    IOptions<ZaloOptions> options,
    TimeProvider clock,
    ILogger<ZaloTokenProvider> logger)
{
    /// <summary>The access token lives 25 hours; renewing an hour early keeps sends from meeting an expired one.</summary>
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private ZaloTokens? _current;

    private ZaloTokens Current => Volatile.Read(ref _current) ?? LoadOnce();

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var current = Current;
        return IsUsable(current) ? current.AccessToken : await RefreshAsync(current.AccessToken, cancellationToken);
    }

    /// <param name="rejected">The token Zalo refused. When another caller has already replaced it, its
    /// replacement is returned without a second refresh.</param>
    /// <exception cref="ZaloTokenException">The token endpoint refused or could not be reached.</exception>
    public async Task<string> RefreshAsync(string rejected, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            await using var shared = await store.LockRefreshAsync(cancellationToken);
            var current = Reload();
            if (current.AccessToken != rejected && IsUsable(current)) return current.AccessToken;
            if (current.RefreshToken.Length == 0)
            {
                logger.LogError("No Zalo refresh token: set Zalo:AccessToken and Zalo:RefreshToken");
                throw new ZaloTokenException("No Zalo refresh token", transient: false);
            }
            var renewed = await RequestAsync(current, cancellationToken);
            // Saved before the new access token is used: the old refresh token is dead from this moment.
            store.Save(renewed);
            Volatile.Write(ref _current, renewed);
            logger.LogInformation("Zalo access token refreshed; it expires at {ExpiresAt}", DateTimeOffset.FromUnixTimeMilliseconds(renewed.ExpiresAtMs));
            return renewed.AccessToken;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private bool IsUsable(ZaloTokens tokens) =>
        tokens.AccessToken.Length > 0
        && (tokens.ExpiresAtMs == 0 || clock.GetUtcNow() + RefreshAhead < DateTimeOffset.FromUnixTimeMilliseconds(tokens.ExpiresAtMs));

    private ZaloTokens LoadOnce()
    {
        var loaded = store.LoadOrSeed(options.Value);
        return Interlocked.CompareExchange(ref _current, loaded, null) ?? loaded;
    }

    /// <summary>The stored pair, read again under the refresh lock.</summary>
    private ZaloTokens Reload()
    {
        var loaded = store.LoadOrSeed(options.Value);
        Volatile.Write(ref _current, loaded);
        return loaded;
    }

    private async Task<ZaloTokens> RequestAsync(ZaloTokens current, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings.OAuthBaseUrl.TrimEnd('/')}/v4/oa/access_token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["app_id"] = settings.AppId,
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = current.RefreshToken,
            }),
        };
        request.Headers.Add("secret_key", settings.AppSecret);
        string text;
        try
        {
            using var response = await httpClients.CreateClient(ZaloApiClient.HttpClientName).SendAsync(request, cancellationToken);
            if ((int)response.StatusCode >= 500)
                throw new ZaloTokenException($"Zalo token endpoint answered {(int)response.StatusCode}", transient: true);
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(e, "Zalo token endpoint unreachable");
            throw new ZaloTokenException("Zalo token endpoint unreachable", transient: true);
        }
        using var document = ZaloApiClient.ParseOrNull(text);
        var body = document?.RootElement ?? default;

        // Errors can come with HTTP 200: only the presence of a token means success.
        if (Text(body, "access_token") is not { Length: > 0 } accessToken)
        {
            logger.LogError("Zalo refused to refresh the access token: {Error} {ErrorName} {ErrorDescription}",
                Text(body, "error"), Text(body, "error_name"), Text(body, "error_description") ?? Text(body, "message"));
            throw new ZaloTokenException("Zalo refused to refresh the access token", transient: false);
        }
        var lifetime = long.TryParse(Text(body, "expires_in"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
        return current with
        {
            AccessToken = accessToken,
            RefreshToken = Text(body, "refresh_token") ?? current.RefreshToken,
            ExpiresAtMs = lifetime > 0 ? clock.GetUtcNow().AddSeconds(lifetime).ToUnixTimeMilliseconds() : 0,
        };
    }

    /// <summary>A field as text whether Zalo sent it as a string or a number (<c>expires_in</c> comes as "90000").</summary>
    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}

/// <param name="transient">True when trying later may work (network, 5xx); false when an operator must act.</param>
public sealed class ZaloTokenException(string message, bool transient) : Exception(message)
{
    public bool Transient { get; } = transient;
}
