using AnToan.Dialogs;
using AnToan.Knowledge.Text;
using LiteDB;

namespace AnToan.Bot.Storage;

/// <summary>Votes and unanswered questions in LiteDB, and the summary the admin API shows.</summary>
public sealed class FeedbackStore(ILiteDatabase db) : IFeedbackStore
{
    private ILiteCollection<BsonDocument> Votes => db.GetCollection("feedback_votes");
    private ILiteCollection<BsonDocument> Unanswered => db.GetCollection("feedback_unanswered");

    public Task RecordVoteAsync(FeedbackVote vote, CancellationToken cancellationToken)
    {
        Votes.Insert(new BsonDocument
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

    public Task RecordUnansweredAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        Unanswered.Insert(new BsonDocument
        {
            ["question"] = question.Question,
            ["folded"] = VietnameseText.Fold(question.Question),
            ["closestId"] = question.ClosestId,
            ["score"] = question.Score,
            ["channelId"] = question.ChannelId,
            ["conversationId"] = question.ConversationId,
            ["at"] = question.At.UtcDateTime,
        });
        return Task.CompletedTask;
    }

    /// <summary>Unanswered questions (the same question however typed counts once, with its count) and answers
    /// voted down, most frequent first.</summary>
    public FeedbackSummary Summary()
    {
        var unanswered = Unanswered.FindAll()
            .GroupBy(d => d["folded"].AsString)
            .Select(g => new UnansweredSummary(
                g.Last()["question"].AsString, g.Count(), g.Max(d => d["at"].AsDateTime),
                g.Last()["closestId"].IsNull ? null : g.Last()["closestId"].AsString))
            .OrderByDescending(u => u.Count).ThenByDescending(u => u.LastAsked)
            .ToList();
        var downVoted = Votes.FindAll()
            .GroupBy(d => d["answerId"].AsString)
            .Select(g => new VoteSummary(
                g.Key, g.Count(d => !d["helpful"].AsBoolean), g.Count(d => d["helpful"].AsBoolean),
                g.Where(d => !d["helpful"].AsBoolean).Select(d => d["question"].AsString).Distinct().ToList()))
            .Where(v => v.Down > 0)
            .OrderByDescending(v => v.Down)
            .ToList();
        return new FeedbackSummary(unanswered, downVoted);
    }
}

public sealed record FeedbackSummary(IReadOnlyList<UnansweredSummary> Unanswered, IReadOnlyList<VoteSummary> DownVoted);

public sealed record UnansweredSummary(string Question, int Count, DateTime LastAsked, string? ClosestId);

/// <param name="Questions">The questions the answer was voted down for.</param>
public sealed record VoteSummary(string AnswerId, int Down, int Up, IReadOnlyList<string> Questions);
