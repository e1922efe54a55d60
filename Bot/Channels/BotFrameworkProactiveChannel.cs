using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using ChannelIds = Microsoft.Bot.Connector.Channels;

namespace AnToan.Bot.Channels;

/// <summary>Proactive messages to Bot Framework conversations (Teams, Emulator, Direct Line / Web Chat).</summary>
/// <remarks>
/// Not through <c>CloudAdapter.ContinueConversationAsync</c>, on purpose. That call builds a new connector
/// client and a new user-token client for every message, and each builds its JSON contracts for the whole
/// Activity schema again: measured here at about 33 ms of CPU per message, 45 messages a second on two
/// cores. The connector client comes from the same place the adapter gets it (the configured
/// BotFrameworkAuthentication's connector factory, so the same credentials and token cache), which shares it for a
/// few minutes (<see cref="SharedConnectorClients"/>); a fan-out then costs well under a millisecond per message. Sending
/// outside a turn also keeps the channel's errors away from the adapter's OnTurnError, and keeps the
/// activity id we set (the SDK's SendActivityAsync clears it), which lets a resend after a crash be recognised.
/// <para>With MicrosoftAppId empty the connector is anonymous (no token), which is what the Emulator and the
/// tests' fake connector on http:// need; the SDK's own ContinueConversationAsync(string appId, ...) would
/// throw on the empty id.</para>
/// </remarks>
public sealed class BotFrameworkProactiveChannel(BotFrameworkAuthentication authentication, IConfiguration configuration, TimeProvider time)
    : IProactiveChannel
{
    private static readonly HashSet<string> BotFrameworkChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        ChannelIds.Msteams, ChannelIds.Emulator, ChannelIds.Webchat, ChannelIds.Directline, ChannelIds.DirectlineSpeech,
    };

    public bool Handles(string channelId) => BotFrameworkChannels.Contains(channelId);

    public async Task<ProactiveResult> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
    {
        try
        {
            var client = await authentication.CreateConnectorFactory(Identity()).CreateAsync(reference.ServiceUrl, null, cancellationToken);
            var message = (Activity)activity;
            var id = message.Id;
            message.ApplyConversationReference(reference);
            message.Id = id;
            message.ReplyToId = null;
            await client.Conversations.SendToConversationAsync(message, cancellationToken);
            return ProactiveResult.Delivered;
        }
        catch (Exception e) when (e is not OperationCanceledException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Classify(e, time);
        }
    }

    /// <summary>What a failed send to a Bot Framework connector means: 429, 412, 5xx, connection errors and timeouts
    /// are transient; 403/404 mean the conversation is gone; anything else (a reference the connector cannot use,
    /// credentials refused, ...) failed.</summary>
    public static ProactiveResult Classify(Exception e, TimeProvider time) => e switch
    {
        ErrorResponseException response => Map(response, time),
        HttpRequestException => new ProactiveResult(ProactiveOutcome.Transient, Detail: e.Message),
        TaskCanceledException => new ProactiveResult(ProactiveOutcome.Transient, Detail: "timeout: " + e.Message),
        _ => new ProactiveResult(ProactiveOutcome.Failed, Detail: e.Message),
    };

    /// <summary>The bot's identity as the adapter builds it for a proactive turn; without an app id, anonymous.</summary>
    private ClaimsIdentity Identity()
    {
        var appId = configuration["MicrosoftAppId"];
        return string.IsNullOrEmpty(appId)
            ? new ClaimsIdentity()
            : new ClaimsIdentity([new Claim(AuthenticationConstants.AudienceClaim, appId), new Claim(AuthenticationConstants.AppIdClaim, appId)]);
    }

    /// <summary>403/404: the bot was blocked or removed. 429: wait as told. 412 and 5xx: try again later.</summary>
    private static ProactiveResult Map(ErrorResponseException e, TimeProvider time)
    {
        var status = e.Response?.StatusCode ?? 0;
        var detail = $"{(int)status} {e.Body?.Error?.Code ?? e.Message}";
        return status switch
        {
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound => new ProactiveResult(ProactiveOutcome.Gone, Detail: detail),
            HttpStatusCode.TooManyRequests => new ProactiveResult(ProactiveOutcome.Transient, RetryAfter(e, time), detail),
            HttpStatusCode.PreconditionFailed => new ProactiveResult(ProactiveOutcome.Transient, Detail: detail),
            >= HttpStatusCode.InternalServerError => new ProactiveResult(ProactiveOutcome.Transient, RetryAfter(e, time), detail),
            _ => new ProactiveResult(ProactiveOutcome.Failed, Detail: detail),
        };
    }

    /// <summary>Retry-After in seconds or as an HTTP date.</summary>
    private static TimeSpan? RetryAfter(ErrorResponseException e, TimeProvider time)
    {
        var value = e.Response?.Headers?
            .FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return null;
        var wait = at - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
