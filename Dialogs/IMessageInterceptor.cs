using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs;

/// <summary>Gets a message before the matcher does (an active dialog continues, a pending feedback vote, ...).</summary>
/// <remarks>Which runs first is declared once, by the composition root (see <see cref="TurnPipeline"/>).</remarks>
public interface IMessageInterceptor
{
    /// <returns>true when the message was handled and nothing else should run.</returns>
    Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken);

    /// <summary>Runs after the message was handled, by whichever interceptor or the router.</summary>
    Task AfterTurnAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) => Task.CompletedTask;
}
