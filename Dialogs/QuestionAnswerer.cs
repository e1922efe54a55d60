using AnToan.Dialogs.Engine;
using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Search;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs;

/// <summary>Answers questions in a turn: the reply (answer, "có phải bạn muốn hỏi…" or an honest decline), the
/// KnowledgeAnswer trace (from which the host logs every question, answered or not) and the answer a vote will refer to.</summary>
public sealed class QuestionAnswerer(
    KnowledgeMatcher matcher,
    AnswerComposer composer,
    LocalClock clock,
    ConversationState conversationState) : IQuestionAnswerer
{
    public const string LastAnswerProperty = "knowledge.lastAnswer";
    private const int TracedCandidates = 5;

    private readonly IStatePropertyAccessor<LastAnswer> _lastAnswer = conversationState.CreateProperty<LastAnswer>(LastAnswerProperty);

    /// <summary>Entries that are knowledge rather than commands: everything but intents, except the calendar ones.</summary>
    public static bool IsKnowledge(IndexEntry entry) =>
        entry.Kind != EntryKind.Intent || AnswerComposer.CalendarIntents.Contains(entry.Id);

    public MatchResult Match(string text, Func<IndexEntry, bool>? include = null) => matcher.Match(text, clock.Today, include);

    /// <summary>A message the router serves with confidence: a command, small talk or an answer from the knowledge
    /// ("có phải bạn muốn hỏi…" and declines are not).</summary>
    public bool Serves(string text)
    {
        var match = Match(text);
        return !match.Wordless && match.Answered;
    }

    /// <summary>Replies to a message handled as a question, whatever the outcome.</summary>
    public async Task AnswerAsync(ITurnContext turnContext, MatchResult match, CancellationToken cancellationToken)
    {
        await TraceAsync(turnContext, match, cancellationToken);
        await ReplyAsync(turnContext, match, cancellationToken);
    }

    /// <summary>A question nothing answered, replied to some other way (the help menu): traced, so it is logged as unanswered.</summary>
    public Task UnansweredAsync(ITurnContext turnContext, MatchResult match, CancellationToken cancellationToken) =>
        TraceAsync(turnContext, match, cancellationToken);

    private async Task ReplyAsync(ITurnContext turnContext, MatchResult match, CancellationToken cancellationToken)
    {
        var reply = composer.Compose(match, clock.Today);
        await turnContext.SendActivityAsync(Replies.Rendered(reply.Text, reply.Buttons), cancellationToken);
        if (match.Answered)
            await _lastAnswer.SetAsync(turnContext, new LastAnswer { AnswerId = match.Best!.Key, Question = match.Query }, cancellationToken);
        else
            await _lastAnswer.DeleteAsync(turnContext, cancellationToken);
    }

    private static Task TraceAsync(ITurnContext turnContext, MatchResult match, CancellationToken cancellationToken)
    {
        var value = new KnowledgeTrace(
            match.Query, match.Answered, match.Answered ? match.Best!.Key : null, Math.Round(match.Confidence, 4),
            match.Candidates.Take(TracedCandidates).Select(c => new TraceCandidate(c.Entry.Key, Math.Round(c.Confidence, 4))).ToList());
        var trace = Activity.CreateTraceActivity(KnowledgeTrace.Name, KnowledgeTrace.ValueType, value, KnowledgeTrace.Name);
        return turnContext.SendActivityAsync(trace, cancellationToken);
    }
}
