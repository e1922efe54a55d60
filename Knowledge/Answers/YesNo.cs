using System.Text.RegularExpressions;
using AnToan.Knowledge.Search;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Answers;

/// <summary>A yes/no question ("Doanh nghiệp có phải ban hành nghị quyết chuyên đề không?", "Ngày toàn dân PCCC có
/// phải ngày 4/10 không?"): the answer opens with yes or no when the knowledge supports one, and with neither otherwise.</summary>
/// <param name="Claims">Dates and percentages the question puts forward ("4/10", "90%"): they are checked against the
/// answer rather than searched for, so a wrong date does not lead to the entry that has it.</param>
/// <param name="Topic">The question's topic words, in order: what the answer must say for a yes.</param>
/// <param name="Words">All the question's words, to tell a negation it quotes ("3 không") from one the answer adds.</param>
public sealed partial record YesNo(IReadOnlyList<string> Claims, IReadOnlyList<string> Topic, IReadOnlyList<string> Words)
{
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>The share of the topic words the answer must say for a yes (or a no by negation).</summary>
    public const double Supported = 0.6;

    /// <summary>How far before a word a negator still bears on it.</summary>
    private const int NegationReach = 4;

    /// <returns>Null when the question does not ask yes or no (it asks when, who, how much... or ends otherwise).</returns>
    public static YesNo? Detect(string question, KnowledgeIndex index, DateOnly today, QuestionForms forms)
    {
        var words = index.AnalyzeAsWritten(question, today).Words;
        var end = words.Count;
        while (end > 0 && forms.YesNoTrailers.Contains(words[end - 1]) && !QuestionForms.EndsBefore(words, end, forms.YesNoEndings)) end--;
        var ending = forms.YesNoEndings.FirstOrDefault(e => QuestionForms.At(words, end - e.Length, e));
        if (ending is null || end - ending.Length < 2) return null;
        var body = words.Take(end - ending.Length).ToList();
        var cues = QuestionCues.Detect(body, index.Analyzer.Lexicon);
        if (cues.Type is not null || cues.Countdown) return null;
        var claims = body.Where(IsClaim).ToList();
        var fillers = index.Analyzer.Lexicon.Fillers;
        var topic = body.Where(w => !fillers.Contains(w) && !IsClaim(w) && !IsMarker(w, forms)).ToList();
        return new YesNo(claims, topic, body);
    }

    /// <summary>The question without its claims, for matching.</summary>
    public static string WithoutClaims(string question) => Claim().Replace(question, " ");

    /// <param name="answer">The words of the direct answer (a fact, the lead sentence of a passage, a date).</param>
    /// <returns><see cref="Yes"/>, <see cref="No"/>, or null when the answer neither confirms nor contradicts.</returns>
    public string? Verdict(IReadOnlyList<string> answer, QuestionForms forms)
    {
        if (Claims.Count > 0)
        {
            if (Claims.All(answer.Contains)) return Yes;
            return Claims.All(c => answer.Any(a => SameKind(a, c))) ? No : null;
        }
        if (Topic.Count == 0) return null;
        var said = Topic.Where(answer.Contains).Distinct().ToList();
        if (said.Count < Supported * Topic.Distinct().Count()) return null;
        return said.Any(w => Negated(answer, w, forms)) ? No : Yes;
    }

    /// <summary>A negator ("không", "trừ") stands just before the word in the answer, and not in the question.</summary>
    private bool Negated(IReadOnlyList<string> answer, string word, QuestionForms forms)
    {
        for (var j = 0; j < answer.Count; j++)
        {
            if (answer[j] != word) continue;
            for (var i = Math.Max(0, j - NegationReach); i < j; i++)
                if (forms.Negators.FirstOrDefault(n => QuestionForms.At(answer, i, n)) is { } negator
                    && !Enumerable.Range(0, Words.Count).Any(k => QuestionForms.At(Words, k, negator)))
                    return true;
        }
        return false;
    }

    /// <summary>"có", "phải", "đúng" only mark the question form.</summary>
    private static bool IsMarker(string word, QuestionForms forms) =>
        forms.YesNoEndings.Any(e => e.Length == 1 && e[0] == word) || forms.YesNoMarkers.Contains(word);

    private static bool IsClaim(string word) => IsDate(word) || IsPercent(word);

    private static bool SameKind(string a, string b) => IsDate(a) == IsDate(b) && IsPercent(a) == IsPercent(b) && IsClaim(a);

    private static bool IsDate(string word) => word.Contains('/') && char.IsDigit(word[0]);

    private static bool IsPercent(string word) => word.Length > 1 && word[^1] == '%' && char.IsDigit(word[0]);

    /// <summary>A date ("4/10", "23/5/2021") or a percentage ("90%", "90 %") as typed.</summary>
    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}(/\d{2,4})?\b|\b\d+([.,]\d+)?\s*%")]
    private static partial Regex Claim();
}
