using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using AnToan.Bot.Hosting;
using AnToan.Dialogs.Throttling;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>Per-address limits on the anonymous web chat endpoints, which anyone can call without signing in.</summary>
/// <remarks>Counted per <see cref="ClientAddress.KeyOf(HttpContext)"/> (IPv6 by /64): by ASP.NET's limiter in the
/// process when there is one instance, in the <see cref="IThrottleCounters"/> the instances share when there are
/// several (PostgreSQL).</remarks>
public static class WebChatRateLimits
{
    public const string Conversations = "web-conversations";
    public const string Messages = "web-messages";

    public static IServiceCollection AddWebChatRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Conversations, http => PerAddress(http, Conversations, Options(http).ConversationsPerMinute));
            limiter.AddPolicy(Messages, http => PerAddress(http, Messages, Options(http).MessagesPerMinute));
        });

    private static WebChatOptions Options(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<WebChatOptions>>().Value;

    private static RateLimitPartition<string> PerAddress(HttpContext http, string scope, int perMinute)
    {
        var counters = http.RequestServices.GetRequiredService<IThrottleCounters>();
        if (!counters.Shared)
            return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.KeyOf(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = Window,
                QueueLimit = 0,
            });
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        return RateLimitPartition.Get(ClientAddress.KeyOf(http), key => new SharedWindowLimiter(counters, scope, key, perMinute, Window, time));
    }

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
}
