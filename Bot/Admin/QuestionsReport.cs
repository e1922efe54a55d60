using AnToan.Dialogs.Engine;
using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;
using AnToan.Knowledge.Text;

namespace AnToan.Bot.Admin;

/// <param name="Text">The question as first typed; others that fold to the same words count with it.</param>
public sealed record QuestionCount(string Text, int Count, int Unanswered, DateTimeOffset LastAsked);

/// <param name="AnswerTitle">The answer as a person would ask for it (the question its button sends), or null when
/// the content no longer has it.</param>
public sealed record DownVotedAnswer(string Question, string? AnswerId, string? AnswerTitle, int Down, int Up, DateTimeOffset LastVoted);

/// <param name="Week">The Monday starting the local week.</param>
public sealed record WeekCount(DateOnly Week, int Asked, int Unanswered);

public sealed record QuestionsView(
    IReadOnlyList<QuestionCount> MostAsked, IReadOnlyList<QuestionCount> Unanswered,
    IReadOnlyList<DownVotedAnswer> DownVoted, IReadOnlyList<WeekCount> PerWeek);

/// <summary>Most asked, unanswered and down-voted questions, and questions per week, over the last weeks.</summary>
/// <remarks>Questions are grouped by their folded words (case, diacritics and punctuation aside), so "Hạn nộp báo
/// cáo?" and "han nop bao cao" are one question. Commands answered through the knowledge ("lịch tháng này": intents of
/// kind command or dialog) are not questions and are not counted.</remarks>
public sealed class QuestionsReport(IQuestionLog log, LocalClock clock, KnowledgeSearch search)
{
    private static readonly HashSet<string> CommandKinds = new(["command", "dialog"], StringComparer.Ordinal);

    private const int TopCount = 20;

    public QuestionsView View(int weeks)
    {
        var firstWeek = WeekOf(clock.UtcNow).AddDays(-7 * (weeks - 1));
        var since = new DateTimeOffset(firstWeek.ToDateTime(TimeOnly.MinValue), clock.Zone.GetUtcOffset(firstWeek.ToDateTime(TimeOnly.MinValue)));
        var index = search.Index;
        var questions = log.Questions(since).Where(q => !IsCommand(q.AnswerId, index)).ToList();
        var grouped = questions
            .GroupBy(q => VietnameseText.Fold(q.Text).TrimEnd('?', ' '))
            .Where(g => g.Key.Length > 0)
            .Select(g => new QuestionCount(g.First().Text.Trim(), g.Count(), g.Count(q => !q.Answered), g.Max(q => q.At)))
            .ToList();
        var downVoted = log.Votes(since)
            .GroupBy(v => (v.AnswerId, Question: VietnameseText.Fold(v.Question)))
            .Select(g => new DownVotedAnswer(g.First().Question, g.Key.AnswerId, Title(g.Key.AnswerId, index), g.Count(v => !v.Helpful), g.Count(v => v.Helpful), g.Max(v => v.At)))
            .Where(d => d.Down > 0)
            .OrderByDescending(d => d.Down - d.Up).ThenByDescending(d => d.LastVoted).Take(TopCount).ToList();
        var perWeek = Enumerable.Range(0, weeks).Select(i => firstWeek.AddDays(7 * i))
            .GroupJoin(questions, w => w, q => WeekOf(q.At), (w, qs) => new WeekCount(w, qs.Count(), qs.Count(q => !q.Answered)))
            .ToList();
        return new QuestionsView(
            grouped.OrderByDescending(q => q.Count).ThenByDescending(q => q.LastAsked).Take(TopCount).ToList(),
            grouped.Where(q => q.Unanswered > 0).OrderByDescending(q => q.Unanswered).ThenByDescending(q => q.LastAsked).Take(TopCount).ToList(),
            downVoted,
            perWeek);
    }

    private static bool IsCommand(string? answerId, KnowledgeIndex index) =>
        answerId is not null && index.ByKey.GetValueOrDefault(answerId)?.Item is Intent intent && CommandKinds.Contains(intent.Kind);

    private static string? Title(string? answerId, KnowledgeIndex index) =>
        answerId is not null && index.ByKey.GetValueOrDefault(answerId) is { } entry ? AnswerComposer.QuestionFor(entry, index) : null;

    /// <summary>The Monday that starts the local week of <paramref name="instant"/>.</summary>
    private DateOnly WeekOf(DateTimeOffset instant)
    {
        var day = clock.DayOf(instant);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
