using AnToan.Dialogs;
using LiteDB;

namespace AnToan.Bot.Storage;

/// <summary>Votes on answers in LiteDB (collection feedback_votes).</summary>
/// <remarks>The admin views read the votes through <see cref="Admin.QuestionLog"/>, beside the questions it logs.</remarks>
public sealed class FeedbackStore(ILiteDatabase db) : IFeedbackStore
{
    public const string VotesCollection = "feedback_votes";

    public Task RecordVoteAsync(FeedbackVote vote, CancellationToken cancellationToken)
    {
        db.GetCollection(VotesCollection).Insert(new BsonDocument
        {
            ["answerId"] = vote.AnswerId,
            ["question"] = vote.Question,
            ["helpful"] = vote.Helpful,
            ["channelId"] = vote.ChannelId,
            ["conversationId"] = vote.ConversationId,
            ["at"] = vote.At.UtcDateTime,
        });
        return Task.CompletedTask;
    }
}
