using AnToan.Bot.Storage;

namespace AnToan.Bot.Channels.Zalo;

public static class ZaloChannel
{
    /// <summary>The Zalo OA channel; registers nothing unless <c>Zalo:AppId</c> and <c>Zalo:OaSecretKey</c> are set.</summary>
    public static IServiceCollection AddZalo(this IServiceCollection services, IConfiguration configuration)
    {
        if (!ZaloOptions.IsEnabled(configuration)) return services;
        services.AddOptions<ZaloOptions>().Bind(configuration.GetSection("Zalo"))
            .Validate(o => Uri.IsWellFormedUriString(o.ApiBaseUrl, UriKind.Absolute) && Uri.IsWellFormedUriString(o.OAuthBaseUrl, UriKind.Absolute),
                "Zalo:ApiBaseUrl and Zalo:OAuthBaseUrl must be absolute URLs")
            .Validate(o => o.MaxEventAge > TimeSpan.Zero && o.QueueCapacity > 0 && o.RateLimitBackoff >= TimeSpan.Zero,
                "Zalo:MaxEventAge and Zalo:QueueCapacity must be positive, Zalo:RateLimitBackoff not negative")
            .ValidateOnStart();
        // Sends run off the request path: they may wait for Zalo, but not forever.
        services.AddHttpClient(ZaloApiClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        // Singletons: the stores wrap the one LiteDB database or the shared database's pool; the token provider's lock
        // and the client's rate-limit pause must be shared by every sender; the queue connects the webhook to the processor.
        if (StorageServices.UsesPostgres(configuration))
        {
            // Shared by every instance: the inbox (an event runs once), the users' windows, the tokens and their refresh.
            services.AddSingleton<IZaloInbox, PostgresZaloInbox>();
            services.AddSingleton<IZaloUserStore, PostgresZaloUserStore>();
            services.AddSingleton<IZaloTokenStore, PostgresZaloTokenStore>();
        }
        else
        {
            services.AddSingleton<IZaloInbox, LiteZaloInbox>();
            services.AddSingleton<IZaloUserStore, LiteZaloUserStore>();
            services.AddSingleton<IZaloTokenStore, LiteZaloTokenStore>();
        }
        services.AddSingleton<ZaloTokenProvider>();
        services.AddSingleton<ZaloApiClient>();
        services.AddSingleton<ZaloEventQueue>();
        services.AddSingleton<ZaloAdapter>();
        services.AddSingleton<ZaloWebhook>();
        services.AddHostedService<ZaloEventProcessor>();
        services.AddHostedService<ZaloTokenKeeper>();
        services.AddSingleton<IProactiveChannel, ZaloProactiveChannel>();
        return services;
    }

    /// <summary><c>POST /api/zalo</c>, the OA webhook; not mapped (404) unless the channel is configured.</summary>
    public static void MapZalo(this WebApplication app)
    {
        if (!ZaloOptions.IsEnabled(app.Configuration)) return;
        app.MapPost("/api/zalo", (HttpRequest request, ZaloWebhook webhook, CancellationToken cancellationToken) =>
            webhook.ReceiveAsync(request, cancellationToken));
    }
}
