using Microsoft.Bot.Builder;

namespace AnToan.Dialogs;

/// <summary>Handles an intent of intents.json (a command or a dialog starter) once the matcher chose it.</summary>
public interface ICommandHandler
{
    /// <summary>The intent ids (intents.json) this handler runs.</summary>
    IReadOnlyCollection<string> IntentIds { get; }

    Task HandleAsync(ITurnContext turnContext, string intentId, CancellationToken cancellationToken);
}
