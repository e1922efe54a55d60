using AnToan.Bot.Hosting;
using AnToan.Bot.Announcements;
using AnToan.Dialogs.Throttling;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace AnToan.Bot.Channels;

/// <summary>Puts the client address key of the HTTP request carrying the turn into the turn state
/// (<see cref="TurnClient"/>), so that the dialogs can count per address without knowing HTTP.</summary>
public sealed class ClientAddressMiddleware(IHttpContextAccessor accessor) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (accessor.HttpContext is { } http) turnContext.TurnState.Set(TurnClient.AddressKey, ClientAddress.KeyOf(http));
        return next(cancellationToken);
    }
}

/// <summary>Sends the replies of a turn again when the connector failed transiently (429, 5xx, connection errors,
/// timeouts), with the backoff announcements use (Announcements:MaxAttempts, RetryDelay, MaxRetryDelay).</summary>
/// <remarks>Registered after the middleware that reshapes replies, so that only the adapter's send is repeated.</remarks>
public sealed class TransientSendRetry(IOptions<AnnouncementOptions> options, TimeProvider time, ILogger<TransientSendRetry> logger) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        turnContext.OnSendActivities(async (context, activities, send) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await send();
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested
                    && BotFrameworkProactiveChannel.Classify(e, time) is { Outcome: ProactiveOutcome.Transient } failure
                    && options.Value.BackoffAfter(attempt, failure.RetryAfter) is { } delay)
                {
                    logger.LogInformation("Transient failure sending a reply in conversation {ConversationId} ({Detail}); retry {Attempt} in {Delay}",
                        context.Activity.Conversation?.Id, failure.Detail, attempt + 1, delay);
                    await Task.Delay(delay, time, cancellationToken);
                }
            }
        });
        return next(cancellationToken);
    }
}
