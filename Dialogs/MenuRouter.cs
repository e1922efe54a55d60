using AnToan.Knowledge.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs;

/// <summary>Until the knowledge matcher arrives: the help command by its examples, a polite fallback otherwise.</summary>
public sealed class MenuRouter(Replies replies, IEnumerable<ICommandHandler> handlers) : IMessageRouter
{
    public async Task RouteAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var folded = VietnameseText.Fold(turnContext.Activity.Text);
        var intent = replies.Content.Intents.FirstOrDefault(i => i.Examples.Any(e => VietnameseText.Fold(e) == folded));
        var handler = intent is null ? null : handlers.FirstOrDefault(h => h.IntentIds.Contains(intent.Id));
        if (handler is not null)
            await handler.HandleAsync(turnContext, intent!.Id, cancellationToken);
        else if (intent?.Id == "help")
            await turnContext.SendActivityAsync(replies.WithMenu("help"), cancellationToken);
        else
            await turnContext.SendActivityAsync(replies.WithMenu("fallback"), cancellationToken);
    }
}
