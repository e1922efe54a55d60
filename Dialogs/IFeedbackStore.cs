namespace AnToan.Dialogs;

/// <summary>Where votes on answers are kept, so the content can be improved.</summary>
/// <remarks>Questions, answered or not, are not recorded here: the host logs them from the KnowledgeAnswer trace.</remarks>
public interface IFeedbackStore
{
    Task RecordVoteAsync(FeedbackVote vote, CancellationToken cancellationToken);
}

/// <param name="AnswerId">The entry that answered (trace answerId).</param>
public sealed record FeedbackVote(string AnswerId, string Question, bool Helpful, string ChannelId, string ConversationId, DateTimeOffset At);
