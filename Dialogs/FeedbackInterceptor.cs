using AnToan.Dialogs.Engine;
using AnToan.Knowledge.Answers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs;

/// <summary>Takes a 👍 or 👎 sent right after an answer as a vote on that answer.</summary>
/// <remarks>Runs before dialogs: a vote is never an answer to a dialog's question. Without an answer to vote on,
/// the message goes on like any other.</remarks>
public sealed class FeedbackInterceptor(ConversationState conversationState, IFeedbackStore store, Replies replies, LocalClock clock) : IMessageInterceptor
{
    /// <summary>A thumb with a skin-tone modifier is still a thumb; longer text is a message.</summary>
    private const int MaxVoteLength = 6;

    private readonly IStatePropertyAccessor<LastAnswer> _lastAnswer = conversationState.CreateProperty<LastAnswer>(QuestionAnswerer.LastAnswerProperty);

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim() ?? "";
        if (text.Length > MaxVoteLength) return false;
        bool? helpful = text.StartsWith(AnswerComposer.ThumbsUp, StringComparison.Ordinal) ? true
            : text.StartsWith(AnswerComposer.ThumbsDown, StringComparison.Ordinal) ? false
            : null;
        if (helpful is null) return false;
        var last = await _lastAnswer.GetAsync(turnContext, () => null!, cancellationToken);
        if (last is null || last.AnswerId.Length == 0) return false;

        await store.RecordVoteAsync(new FeedbackVote(
            last.AnswerId, last.Question, helpful.Value,
            turnContext.Activity.ChannelId ?? "", turnContext.Activity.Conversation?.Id ?? "", clock.Now), cancellationToken);
        await _lastAnswer.DeleteAsync(turnContext, cancellationToken);
        await turnContext.SendActivityAsync(replies.Message(helpful.Value ? DialogTemplates.FeedbackThanks : DialogTemplates.FeedbackSorry), cancellationToken);
        return true;
    }
}
