using AnToan.Bot.Storage;
using AnToan.Dialogs;
using LiteDB;

namespace AnToan.Bot.Admin;

/// <summary>The question log and the votes in the instance's LiteDB file (collections admin_questions and
/// feedback_votes).</summary>
/// <remarks>A question is written in the group commit of the turn's state (<see cref="LiteDbWriter"/>), so an answered
/// question survives a crash as the turn's state does.
/// <para>A question's id is an ObjectId stamped with the second it was asked, so the id index also orders the log by
/// time: reads and pruning by time use it, and a turn's insert updates one index, not two (an index on At was
/// dropped for this; each index insert walks and allocates some 40 index nodes). Questions logged before ids were
/// stamped this way carry the second they were written, never earlier than the question, so the same ranges hold
/// them too.</para></remarks>
public sealed class LiteQuestionStore : IQuestionStore
{
    public const string QuestionsCollection = "admin_questions";
    public const string VotesCollection = "feedback_votes";

    private readonly ILiteCollection<BsonDocument> _documents;
    private readonly ILiteCollection<QuestionDoc> _questions;
    private readonly ILiteCollection<VoteDoc> _votes;
    private readonly LiteDbWriter _writer;

    public LiteQuestionStore(ILiteDatabase database, LiteDbWriter writer)
    {
        _writer = writer;
        _questions = database.GetCollection<QuestionDoc>(QuestionsCollection);
        _documents = database.GetCollection(QuestionsCollection);
        _votes = database.GetCollection<VoteDoc>(VotesCollection);
        _documents.DropIndex(nameof(QuestionDoc.At));
    }

    /// <remarks>The document is built by hand with the fields of <see cref="QuestionDoc"/> (the mapper's names: Id
    /// becomes _id), keeping the mapper's reflection off the turn's path.</remarks>
    public Task RecordAsync(AskedQuestion question)
    {
        var document = new BsonDocument
        {
            ["_id"] = IdAt(question.At),
            [nameof(QuestionDoc.Text)] = IQuestionStore.Kept(question.Text),
            [nameof(QuestionDoc.Answered)] = question.Answered,
            [nameof(QuestionDoc.AnswerId)] = question.AnswerId,
            [nameof(QuestionDoc.ChannelId)] = question.ChannelId,
            [nameof(QuestionDoc.At)] = question.At.UtcDateTime,
        };
        return _writer.WriteWithNextAsync(() => _documents.Insert(document));
    }

    public Task FlushAsync() => _writer.FlushAsync();

    public Task RecordVoteAsync(FeedbackVote vote, CancellationToken cancellationToken)
    {
        _votes.Insert(new VoteDoc
        {
            AnswerId = vote.AnswerId, Question = vote.Question, Helpful = vote.Helpful, ChannelId = vote.ChannelId,
            ConversationId = vote.ConversationId, At = vote.At.UtcDateTime,
        });
        return Task.CompletedTask;
    }

    public IReadOnlyList<AskedQuestion> Questions(DateTimeOffset since)
    {
        var from = since.UtcDateTime;
        return _questions.Find(Query.And(Query.GTE("_id", FirstIdOf(since)), Query.GTE(nameof(QuestionDoc.At), from)))
            .OrderBy(q => q.At)
            .Select(q => new AskedQuestion(q.Text, q.Answered, q.AnswerId, q.ChannelId, UtcTime.Instant(q.At)))
            .ToList();
    }

    public IReadOnlyList<AnswerVote> Votes(DateTimeOffset since)
    {
        var from = since.UtcDateTime;
        return _votes.Find(v => v.At >= from)
            .Select(v => new AnswerVote(v.Question, v.AnswerId, v.Helpful, UtcTime.Instant(v.At)))
            .ToList();
    }

    public async Task<int> PruneAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var pruned = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = _documents.Find(Query.And(Query.LT("_id", FirstIdOf(before)), Query.LT(nameof(QuestionDoc.At), before.UtcDateTime)), 0, batchSize)
                .Select(d => d["_id"]).ToList();
            if (ids.Count > 0) await _writer.WriteAsync(() => { foreach (var id in ids) _documents.Delete(id); });
            pruned += ids.Count;
            if (ids.Count < batchSize) return pruned;
        }
    }

    /// <summary>A new id (unique as <see cref="ObjectId.NewObjectId"/> makes them) stamped with the second of <paramref name="at"/>.</summary>
    private static ObjectId IdAt(DateTimeOffset at)
    {
        var unique = ObjectId.NewObjectId();
        return new ObjectId(Seconds(at), unique.Machine, unique.Pid, unique.Increment);
    }

    /// <summary>An id below every id stamped with the second of <paramref name="at"/> or later.</summary>
    private static ObjectId FirstIdOf(DateTimeOffset at) => new(Seconds(at), int.MinValue, short.MinValue, int.MinValue);

    /// <remarks>An ObjectId holds its second in 32 bits; outside them the id range only widens (the At condition decides).</remarks>
    private static int Seconds(DateTimeOffset at) => (int)Math.Clamp(at.ToUnixTimeSeconds(), int.MinValue, int.MaxValue);

    private sealed class QuestionDoc
    {
        public ObjectId Id { get; set; } = ObjectId.Empty;
        public string Text { get; set; } = "";
        public bool Answered { get; set; }
        public string? AnswerId { get; set; }
        public string ChannelId { get; set; } = "";
        public DateTime At { get; set; }
    }

    /// <summary>A vote as stored since votes were first kept (camel-case field names).</summary>
    private sealed class VoteDoc
    {
        public ObjectId Id { get; set; } = ObjectId.Empty;
        [BsonField("answerId")] public string? AnswerId { get; set; }
        [BsonField("question")] public string Question { get; set; } = "";
        [BsonField("helpful")] public bool Helpful { get; set; }
        [BsonField("channelId")] public string ChannelId { get; set; } = "";
        [BsonField("conversationId")] public string ConversationId { get; set; } = "";
        [BsonField("at")] public DateTime At { get; set; }
    }
}
