using Microsoft.Bot.Builder;

namespace AnToan.Dialogs;

/// <summary>Answers a question asked in the middle of something else (a dialog step), when it can.</summary>
public interface IQuestionAnswerer
{
    /// <summary>Answers the turn's text when the knowledge answers it with confidence, and sends the
    /// KnowledgeAnswer trace either way; commands and small talk are not considered.</summary>
    /// <returns>true when an answer was sent.</returns>
    Task<bool> TryAnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
