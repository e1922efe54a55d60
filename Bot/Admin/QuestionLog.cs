using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
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

    private readonly ILiteCollection<QuestionDoc> _questions;
    private readonly ILiteDatabase _database;

    public QuestionLog(ILiteDatabase database)
    {
        _database = database;
        _questions = database.GetCollection<QuestionDoc>("admin_questions");
        _questions.EnsureIndex(q => q.At);
    }

    public void Record(AskedQuestion question) => _questions.Insert(new QuestionDoc
    {
        Text = question.Text.Length > MaxText ? question.Text[..MaxText] : question.Text,
        Answered = question.Answered,
        AnswerId = question.AnswerId,
        ChannelId = question.ChannelId,
        At = question.At.UtcDateTime,
    });

    public IReadOnlyList<AskedQuestion> Questions(DateTimeOffset since)
    {
        var from = since.UtcDateTime;
        return _questions.Find(q => q.At >= from).OrderBy(q => q.At)
            .Select(q => new AskedQuestion(q.Text, q.Answered, q.AnswerId, q.ChannelId, Utc(q.At)))
            .ToList();
    }

    public IReadOnlyList<AnswerVote> Votes(DateTimeOffset since) =>
        _database.GetCollection(Storage.FeedbackStore.VotesCollection).FindAll()
            .Select(d => new AnswerVote(d["question"].AsString, d["answerId"].IsNull ? null : d["answerId"].AsString, d["helpful"].AsBoolean, Utc(d["at"].AsDateTime)))
            .Where(v => v.At >= since)
            .ToList();

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc));

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
/// trace, so commands, dialog answers and button clicks are not counted as questions.</remarks>
public sealed class QuestionLogMiddleware(QuestionLog log, TimeProvider time) : IMiddleware
{
    public const string TraceName = "KnowledgeAnswer";

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            foreach (var trace in activities.Where(a => a.Type == ActivityTypes.Trace && a.Name == TraceName && a.Value is not null))
            {
                var value = trace.Value as JObject ?? JObject.FromObject(trace.Value);
                if (value["query"]?.Type != JTokenType.String) continue;
                log.Record(new AskedQuestion((string)value["query"]!, value["answered"]?.Type == JTokenType.Boolean && (bool)value["answered"]!,
                    value["answerId"]?.Type == JTokenType.String ? (string?)value["answerId"] : null,
                    context.Activity.ChannelId ?? "", time.GetUtcNow()));
            }
            return await nextSend();
        });
        return next(cancellationToken);
    }
}
