using System.Net;
using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using ChannelIds = Microsoft.Bot.Connector.Channels;

namespace AnToan.Bot.Channels;

/// <summary>Proactive messages to Bot Framework conversations (Teams, Emulator, Direct Line / Web Chat)
/// through the CloudAdapter.</summary>
/// <remarks>
/// The activity goes to the connector's SendToConversation from inside the continued turn rather than
/// through <c>SendActivityAsync</c>: the SDK clears <c>Activity.Id</c> there, and the id is what lets a resend
/// after a crash be recognised. The channel's error is caught inside the callback too, because the adapter's
/// OnTurnError would otherwise swallow it (and try to apologise into a conversation that is gone).
/// <para>With MicrosoftAppId empty the SDK's string overload of ContinueConversationAsync throws on the
/// empty id; an identity without claims gives the same anonymous connector (no token) that inbound
/// anonymous turns use, which is what the Emulator and the tests' fake connector on http:// need.</para>
/// </remarks>
public sealed class BotFrameworkProactiveChannel(CloudAdapter adapter, IConfiguration configuration, TimeProvider time) : IProactiveChannel
{
    private static readonly HashSet<string> BotFrameworkChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        ChannelIds.Msteams, ChannelIds.Emulator, ChannelIds.Webchat, ChannelIds.Directline, ChannelIds.DirectlineSpeech,
    };

    public bool Handles(string channelId) => BotFrameworkChannels.Contains(channelId);

    public async Task<ProactiveResult> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
    {
        ProactiveResult result = new(ProactiveOutcome.Failed, Detail: "the turn did not run");
        try
        {
            await ContinueAsync(reference, activity, r => result = r, cancellationToken);
            if (result.Outcome != ProactiveOutcome.Delivered) cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Before the turn started: a reference the connector cannot use (bad service URL, credentials).
            result = new ProactiveResult(e is HttpRequestException ? ProactiveOutcome.Transient : ProactiveOutcome.Failed, Detail: e.Message);
        }
        return result;
    }

    private Task ContinueAsync(ConversationReference reference, IActivity activity, Action<ProactiveResult> report, CancellationToken cancellationToken) =>
        adapter.ContinueConversationAsync(Identity(), reference, async (turn, ct) =>
        {
            try
            {
                var message = (Activity)activity;
                var id = message.Id;
                message.ApplyConversationReference(reference);
                message.Id = id;
                message.ReplyToId = null;
                var client = turn.TurnState.Get<IConnectorClient>();
                await client.Conversations.SendToConversationAsync(message, ct);
                report(ProactiveResult.Delivered);
            }
            catch (ErrorResponseException e)
            {
                report(Map(e));
            }
            catch (HttpRequestException e)
            {
                report(new ProactiveResult(ProactiveOutcome.Transient, Detail: e.Message));
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                report(new ProactiveResult(ProactiveOutcome.Transient, Detail: "timeout: " + e.Message));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                report(new ProactiveResult(ProactiveOutcome.Failed, Detail: e.Message));
            }
            catch (OperationCanceledException)
            {
                // Rethrown below, outside the adapter, whose OnTurnError would otherwise take it.
            }
        }, cancellationToken);

    private ClaimsIdentity Identity()
    {
        var appId = configuration["MicrosoftAppId"];
        return string.IsNullOrEmpty(appId)
            ? new ClaimsIdentity()
            : new ClaimsIdentity([new Claim(AuthenticationConstants.AudienceClaim, appId), new Claim(AuthenticationConstants.AppIdClaim, appId)]);
    }

    /// <summary>403/404: the bot was blocked or removed. 429: wait as told. 412 and 5xx: try again later.</summary>
    private ProactiveResult Map(ErrorResponseException e)
    {
        var status = e.Response?.StatusCode ?? 0;
        var detail = $"{(int)status} {e.Body?.Error?.Code ?? e.Message}";
        return status switch
        {
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound => new ProactiveResult(ProactiveOutcome.Gone, Detail: detail),
            HttpStatusCode.TooManyRequests => new ProactiveResult(ProactiveOutcome.Transient, RetryAfter(e), detail),
            HttpStatusCode.PreconditionFailed => new ProactiveResult(ProactiveOutcome.Transient, Detail: detail),
            >= HttpStatusCode.InternalServerError => new ProactiveResult(ProactiveOutcome.Transient, RetryAfter(e), detail),
            _ => new ProactiveResult(ProactiveOutcome.Failed, Detail: detail),
        };
    }

    /// <summary>Retry-After in seconds or as an HTTP date.</summary>
    private TimeSpan? RetryAfter(ErrorResponseException e)
    {
        if (e.Response?.Headers is not { } headers) return null;
        var value = headers.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value, out var seconds)) return TimeSpan.FromSeconds(Math.Max(0, seconds));
        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }
}
