using Microsoft.Bot.Builder;

namespace AnToan.Dialogs.Engine;

/// <summary>Answers a question asked in the middle of a dialog from the knowledge; the dialog then asks its question again.</summary>
public interface IQuestionAnswerer
{
    /// <returns>true when an answer was sent.</returns>
    Task<bool> TryAnswerAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken);
}

/// <summary>Until the knowledge matcher registers its own: nothing is answered, and the text counts as a wrong answer.</summary>
public sealed class NoQuestionAnswerer : IQuestionAnswerer
{
    public Task<bool> TryAnswerAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) => Task.FromResult(false);
}
