using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace AnToan.Bot.Storage;

/// <summary>Counts the message turns of a conversation and stamps the last one.</summary>
/// <remarks>Runs after ConversationLock, so concurrent messages of one conversation each see the previous
/// count; the bot saves conversation state at the end of the turn, so this only changes the cached state.</remarks>
public sealed class ConversationActivityMiddleware(ConversationState conversationState, TimeProvider time) : IMiddleware
{
    private readonly IStatePropertyAccessor<ConversationActivity> _activity =
        conversationState.CreateProperty<ConversationActivity>(nameof(ConversationActivity));

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type == ActivityTypes.Message)
        {
            var now = time.GetUtcNow();
            var current = await _activity.GetAsync(turnContext, () => new ConversationActivity(0, now), cancellationToken);
            await _activity.SetAsync(turnContext, current with { Turns = current.Turns + 1, LastActivity = now }, cancellationToken);
        }
        await next(cancellationToken);
    }
}
