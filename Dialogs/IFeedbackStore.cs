namespace AnToan.Dialogs;

/// <summary>Where votes on answers and unanswered questions are kept, so the content can be improved.</summary>
public interface IFeedbackStore
{
    Task RecordVoteAsync(FeedbackVote vote, CancellationToken cancellationToken);

    Task RecordUnansweredAsync(UnansweredQuestion question, CancellationToken cancellationToken);
}

/// <param name="AnswerId">The entry that answered (trace answerId).</param>
public sealed record FeedbackVote(string AnswerId, string Question, bool Helpful, string ChannelId, string ConversationId, DateTimeOffset At);

/// <param name="ClosestId">The closest entry, when there was one.</param>
public sealed record UnansweredQuestion(string Question, string? ClosestId, double Score, string ChannelId, string ConversationId, DateTimeOffset At);
