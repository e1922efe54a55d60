using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs;

/// <summary>Handles an intent of intents.json (a command or a dialog starter) once the matcher chose it.</summary>
public interface ICommandHandler
{
    /// <summary>The intent ids (intents.json) this handler runs.</summary>
    IReadOnlyCollection<string> IntentIds { get; }

    Task HandleAsync(ITurnContext turnContext, string intentId, CancellationToken cancellationToken);
}

/// <summary>Gets a message before the matcher does (an active dialog continues, a pending feedback vote, ...).</summary>
/// <remarks>Which runs first is declared once, by the composition root (see <see cref="TurnPipeline"/>).</remarks>
public interface IMessageInterceptor
{
    /// <returns>true when the message was handled and nothing else should run.</returns>
    Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken);

    /// <summary>Runs after the message was handled, by whichever interceptor or the router.</summary>
    Task AfterTurnAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Answers a message that no interceptor took: commands, questions, small talk.</summary>
public interface IMessageRouter
{
    Task RouteAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken);
}

/// <summary>Reacts to the bot or people joining and leaving a conversation (subscriptions, stored references).</summary>
public interface IConversationMembershipHandler
{
    Task OnBotAddedAsync(ITurnContext turnContext, CancellationToken cancellationToken);

    Task OnBotRemovedAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
