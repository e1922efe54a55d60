using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs;

/// <summary>Answers a message that no interceptor took: commands, questions, small talk.</summary>
public interface IMessageRouter
{
    Task RouteAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken);
}
