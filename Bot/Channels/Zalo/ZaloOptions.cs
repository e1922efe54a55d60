namespace AnToan.Bot.Channels.Zalo;

/// <summary>The Zalo Official Account settings (section <c>Zalo</c>).</summary>
public sealed class ZaloOptions
{
    /// <summary>The Zalo app's id; part of every webhook signature. Required to enable the channel.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The OA secret key (not the app secret) that signs webhook events. Required to enable the channel.</summary>
    public string OaSecretKey { get; set; } = "";

    /// <summary>The app secret, sent as <c>secret_key</c> when the access token is refreshed.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>Seeds the stored access token on first start, or when this setting changes.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>Seeds the stored refresh token on first start, or when this setting changes; rotated tokens live in LiteDB.</summary>
    public string RefreshToken { get; set; } = "";

    /// <summary>Default <c>https://openapi.zalo.me</c>; tests point it at a fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    /// <summary>Default <c>https://oauth.zaloapp.com</c>; tests point it at a fake.</summary>
    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    /// <summary>Events whose timestamp is further than this from now are dropped (replays). Default 5 minutes.</summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Accepted events waiting for their turn; when full the webhook answers 503 and Zalo retries. Default 1,000.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>How long to stop sending after Zalo answers -32 (rate limited). Default 1 minute.</summary>
    public TimeSpan RateLimitBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The channel exists only when both the app id and the OA secret key are set.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Zalo:AppId"]) && !string.IsNullOrWhiteSpace(configuration["Zalo:OaSecretKey"]);
}
