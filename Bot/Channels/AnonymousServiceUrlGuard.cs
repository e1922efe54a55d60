using System.Net;
using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace AnToan.Bot.Channels;

/// <summary>While MicrosoftAppId is empty, /api/messages takes anyone's word for who and where they are; this keeps
/// such turns to conversations on this machine (the Emulator, the Agents Playground), so an anonymous request cannot
/// make the bot post to, or subscribe, an address elsewhere.</summary>
/// <remarks>Set MicrosoftAppId for Teams in production; Bot:AllowAnonymousRemoteServiceUrls=true lifts the guard.</remarks>
public sealed class AnonymousServiceUrlGuard(IConfiguration configuration, ILogger<AnonymousServiceUrlGuard> logger) : IMiddleware
{
    private readonly bool _active = string.IsNullOrEmpty(configuration["MicrosoftAppId"])
        && !configuration.GetValue("Bot:AllowAnonymousRemoteServiceUrls", false);

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var serviceUrl = turnContext.Activity.ServiceUrl;
        if (!_active || IsLocal(serviceUrl)) return next(cancellationToken);
        logger.LogWarning("Anonymous turn for service URL {ServiceUrl} refused: set MicrosoftAppId, or Bot:AllowAnonymousRemoteServiceUrls", serviceUrl);
        return Task.CompletedTask;
    }

    private static bool IsLocal(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));
}
