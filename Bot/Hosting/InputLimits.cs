using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AnToan.Bot.Hosting;

/// <summary>Limits on what a client may send.</summary>
public sealed class InputLimits
{
    /// <summary>Longest message text processed; longer text is cut before any work. Default 1,000.</summary>
    public int MaxTextLength { get; set; } = 1000;

    /// <summary>Largest request body accepted; larger ones get 413. Default 256 KiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}

public static class InputLimitServices
{
    public static IServiceCollection AddInputLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InputLimits>().Bind(configuration.GetSection("Bot"))
            .Validate(l => l.MaxTextLength > 0 && l.MaxRequestBodyBytes > 0, "Bot:MaxTextLength and Bot:MaxRequestBodyBytes must be positive")
            .ValidateOnStart();
        var maxBody = configuration.GetValue("Bot:MaxRequestBodyBytes", 256L * 1024);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = maxBody);
        // Behind a reverse proxy the client's address and scheme come in X-Forwarded-For/-Proto; they are believed
        // only from loopback (the default) and from the proxies listed in Bot:TrustedProxies.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Bot:TrustedProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }

    /// <summary>Oversize bodies get 413 before they are read; exceptions become ProblemDetails without a stack trace.</summary>
    public static void UseInputLimits(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var maxBody = app.Configuration.GetValue("Bot:MaxRequestBodyBytes", 256L * 1024);
        app.Use(async (context, next) =>
        {
            // An endpoint may allow more (a document import); Kestrel is told so before the body is read.
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<Content.BodySizeLimit>()?.Bytes ?? maxBody;
            if (limit != maxBody && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limit;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            await next(context);
        });
    }
}

/// <summary>Maps Kestrel's "bad request" (including a body over the limit while streaming) to its own status code,
/// and logs every other exception with the request's trace id (the one the ProblemDetails body carries), since an
/// exception a handler takes is not logged by ASP.NET Core itself.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            Microsoft.AspNetCore.Http.BadHttpRequestException bad => bad.StatusCode,
            Newtonsoft.Json.JsonException or System.Text.Json.JsonException => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (status >= StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "Unhandled exception on {Method} {Path}, trace id {TraceId}",
                context.Request.Method, context.Request.Path, System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = null });
    }
}
