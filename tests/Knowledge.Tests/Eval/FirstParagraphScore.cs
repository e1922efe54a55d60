using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Search;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Tests.Eval;

/// <summary>A question of an evaluation set: alternatives separated by "|", each of words joined by "&amp;" that must
/// all appear; none ("-") when the bot must decline.</summary>
public sealed record ScoredQuestion(string Id, string Question, IReadOnlyList<string[]> Expected)
{
    public bool InScope => Expected.Count > 0;

    public static IReadOnlyList<ScoredQuestion> Load(string path) =>
        File.ReadAllLines(path)
            .Skip(1)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => new ScoredQuestion(c[0], c[1], c[2].Trim() == "-" ? []
                : c[2].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(a => a.Split('&', StringSplitOptions.TrimEntries)).ToList()))
            .ToList();
}

/// <summary>Scores an evaluation set the way the reviewers of issue 12 did: an in-scope question is right when it is
/// answered and an expected alternative stands in the reply's first paragraph (diacritics folded); an out-of-scope
/// one is right when it is not answered. Runs the matcher and composer on the shipped content, as the bot does.</summary>
public sealed class FirstParagraphScore
{
    private static readonly Lazy<KnowledgeMatcher> Shipped = new(() =>
        new KnowledgeMatcher(new KnowledgeSearch(new KnowledgeStore(Path.Combine(AppContext.BaseDirectory, "Content")))));

    public static KnowledgeMatcher Matcher => Shipped.Value;

    public sealed record Result(int InScope, int Correct, int OutOfScope, int Declined, IReadOnlyList<string> Misses)
    {
        public double InScopeShare => InScope == 0 ? 1 : (double)Correct / InScope;
        public double DeclinedShare => OutOfScope == 0 ? 1 : (double)Declined / OutOfScope;
        public override string ToString() =>
            $"{Correct}/{InScope} in scope ({InScopeShare:P1}), {Declined}/{OutOfScope} out of scope declined ({DeclinedShare:P1})";
    }

    /// <summary>The reply to <paramref name="question"/>, and whether it is an answer (not a command, a choice or a decline).</summary>
    public static (bool Answered, string Text) Reply(string question, DateOnly today)
    {
        var match = Matcher.Match(question, today);
        var answered = match.Answered && (match.Best!.Kind != EntryKind.Intent || AnswerComposer.CalendarIntents.Contains(match.Best.Id));
        if (!answered) return (false, "");
        var reply = new AnswerComposer().Compose(match, today);
        return (true, reply.Text);
    }

    public static string[] Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string FirstParagraph(string text) => Paragraphs(text).FirstOrDefault() ?? "";

    public static Result Run(string path, DateOnly today)
    {
        int inScope = 0, correct = 0, outOfScope = 0, declined = 0;
        var misses = new List<string>();
        foreach (var q in ScoredQuestion.Load(path))
        {
            var (answered, text) = Reply(q.Question, today);
            var first = VietnameseText.Fold(FirstParagraph(text));
            if (q.InScope)
            {
                inScope++;
                if (answered && q.Expected.Any(all => all.All(e => first.Contains(VietnameseText.Fold(e))))) correct++;
                else misses.Add($"MISS {q.Id} {q.Question} => {(answered ? first : "(not answered)")}");
            }
            else
            {
                outOfScope++;
                if (!answered) declined++;
                else misses.Add($"ANSWERED {q.Id} {q.Question} => {first}");
            }
        }
        return new Result(inScope, correct, outOfScope, declined, misses);
    }
}
