using AnToan.Bot.Storage;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using AnToan.Dialogs;
using Newtonsoft.Json.Linq;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace AnToan.Bot.Admin;

/// <summary>Every question the bot handled (from its KnowledgeAnswer trace), and the votes of the feedback store.</summary>
/// <remarks>The one record of questions asked, answered or not (collection admin_questions): every admin view of
/// unanswered questions reads it. Votes are read from the feedback store's collection feedback_votes, field by field.</remarks>
public sealed class QuestionLog : IQuestionLog
{
    /// <summary>Longest question kept: the text limit of the channels is larger, but a question is short.</summary>
    private const int MaxText = 500;

    private const string Collection = "admin_questions";

    private readonly ILiteCollection<BsonDocument> _documents;
    private readonly ILiteCollection<QuestionDoc> _questions;
    private readonly ILiteDatabase _database;
    private readonly Storage.LiteDbWriter _writer;

    public QuestionLog(ILiteDatabase database, Storage.LiteDbWriter writer)
    {
        _database = database;
        _writer = writer;
        _questions = database.GetCollection<QuestionDoc>(Collection);
        _documents = database.GetCollection(Collection);
        _questions.EnsureIndex(q => q.At);
    }

    /// <summary>Adds the question with the next group commit (the turn's state save, at its end); completes once it
    /// is on disk. The caller awaits it after the turn, calling <see cref="FlushAsync"/> first.</summary>
    /// <remarks>The document is built by hand with the fields of <see cref="QuestionDoc"/> (the mapper's names:
    /// Id becomes _id), keeping the mapper's reflection off the turn's path.</remarks>
    public Task RecordAsync(AskedQuestion question)
    {
        var document = new BsonDocument
        {
            ["_id"] = ObjectId.NewObjectId(),
            [nameof(QuestionDoc.Text)] = question.Text.Length > MaxText ? question.Text[..MaxText] : question.Text,
            [nameof(QuestionDoc.Answered)] = question.Answered,
            [nameof(QuestionDoc.AnswerId)] = question.AnswerId,
            [nameof(QuestionDoc.ChannelId)] = question.ChannelId,
            [nameof(QuestionDoc.At)] = question.At.UtcDateTime,
        };
        return _writer.WriteWithNextAsync(() => _documents.Insert(document));
    }

    /// <summary>Commits the questions still waiting (a turn that saved no state).</summary>
    public Task FlushAsync() => _writer.FlushAsync();

    public IReadOnlyList<AskedQuestion> Questions(DateTimeOffset since)
    {
        var from = since.UtcDateTime;
        return _questions.Find(q => q.At >= from).OrderBy(q => q.At)
            .Select(q => new AskedQuestion(q.Text, q.Answered, q.AnswerId, q.ChannelId, UtcTime.Instant(q.At)))
            .ToList();
    }

    public IReadOnlyList<AnswerVote> Votes(DateTimeOffset since) =>
        _database.GetCollection(Storage.FeedbackStore.VotesCollection).FindAll()
            .Select(d => new AnswerVote(d["question"].AsString, d["answerId"].IsNull ? null : d["answerId"].AsString, d["helpful"].AsBoolean, UtcTime.Instant(d["at"].AsDateTime)))
            .Where(v => v.At >= since)
            .ToList();

    /// <summary>Deletes the questions asked before <paramref name="before"/>, <paramref name="batchSize"/> a write.</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> PruneAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var pruned = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = _documents.Find(Query.LT(nameof(QuestionDoc.At), before.UtcDateTime), 0, batchSize).Select(d => d["_id"]).ToList();
            if (ids.Count > 0) await _writer.WriteAsync(() => { foreach (var id in ids) _documents.Delete(id); });
            pruned += ids.Count;
            if (ids.Count < batchSize) return pruned;
        }
    }


    private sealed class QuestionDoc
    {
        public ObjectId Id { get; set; } = ObjectId.Empty;
        public string Text { get; set; } = "";
        public bool Answered { get; set; }
        public string? AnswerId { get; set; }
        public string ChannelId { get; set; } = "";
        public DateTime At { get; set; }
    }
}

/// <summary>Writes a question to the <see cref="QuestionLog"/> when the bot sends its KnowledgeAnswer trace.</summary>
/// <remarks>Watches what the bot sends rather than what users type: only messages handled as questions carry the
/// trace, so commands, dialog answers and button clicks are not counted as questions.
/// <para>The record goes into the same group commit as the turn's state, and the turn does not end (nor answer, with
/// expectReplies) before it is on disk.</para></remarks>
public sealed class QuestionLogMiddleware(QuestionLog log, TimeProvider time) : IMiddleware
{
    public const string TraceName = KnowledgeTrace.Name;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        List<Task>? recorded = null;
        turnContext.OnSendActivities((context, activities, nextSend) =>
        {
            foreach (var activity in activities)
                if (activity.Type == ActivityTypes.Trace && activity.Name == TraceName && Question(activity.Value, context) is { } question)
                    (recorded ??= []).Add(log.RecordAsync(question));
            return nextSend();
        });
        try { await next(cancellationToken); }
        finally
        {
            if (recorded is not null)
            {
                // Committed with the turn's state save; a turn that saved nothing commits them now.
                if (recorded.Any(t => !t.IsCompleted)) await log.FlushAsync();
                await Task.WhenAll(recorded);
            }
        }
    }

    private AskedQuestion? Question(object? value, ITurnContext context)
    {
        var channel = context.Activity.ChannelId ?? "";
        if (value is KnowledgeTrace trace) return new AskedQuestion(trace.Query, trace.Answered, trace.AnswerId, channel, time.GetUtcNow());
        // Any other shape (a trace read back from JSON): by field name, as DESIGN.md describes the value.
        if (value is null) return null;
        var json = value as JObject ?? JObject.FromObject(value);
        if (json["query"]?.Type != JTokenType.String) return null;
        return new AskedQuestion((string)json["query"]!, json["answered"]?.Type == JTokenType.Boolean && (bool)json["answered"]!,
            json["answerId"]?.Type == JTokenType.String ? (string?)json["answerId"] : null, channel, time.GetUtcNow());
    }
}
