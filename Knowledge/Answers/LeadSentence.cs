using System.Globalization;
using System.Text.RegularExpressions;
using AnToan.Knowledge.Search;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Answers;

/// <summary>The sentence of a passage that answers the question, to lead the reply with: the one that covers the
/// question best and carries the kind of detail asked (a date for "khi nào", a number for "bao nhiêu", the purpose
/// after "để/nhằm" for "để làm gì"), whole — never cut inside the clause that answers.</summary>
public static partial class LeadSentence
{
    /// <summary>What carrying the asked kind of detail weighs against coverage.</summary>
    private const double KindBonus = 0.25;

    /// <summary>The lead of a passage and the quote below it, which does not repeat the lead.</summary>
    /// <param name="snippet">The supporting quote chosen for the question (<see cref="Snippet"/>).</param>
    /// <returns>No lead when the passage is a single sentence: the quote then answers by itself.</returns>
    public static (string Lead, string Quote) Apart(string text, string snippet, IReadOnlySet<string> question, QuestionCues cues, string? counted, KnowledgeIndex index, QuestionForms forms)
    {
        if (Pick(text, question, cues, counted, index, forms) is not { } lead) return ("", Quote(snippet));
        var rest = snippet.Replace(lead, " ", StringComparison.Ordinal).Trim();
        return (Tidy(lead), rest.Length < MinQuote ? "" : Quote(rest));
    }

    /// <summary>A quote shorter than this, once the lead is taken out of it, is not worth showing.</summary>
    private const int MinQuote = 40;

    /// <summary>A quoted fragment starts with a capital and does not end on ";".</summary>
    public static string Quote(string snippet)
    {
        var s = snippet.Trim();
        if (s.Length == 0) return s;
        if (s[^1] is ';' or ',' or ':') s = s[..^1].TrimEnd() + ".";
        return char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..];
    }

    /// <returns>The sentence (or clause, after ";") as written; null when the passage is a single sentence.</returns>
    public static string? Pick(string text, IReadOnlySet<string> question, QuestionCues cues, string? counted, KnowledgeIndex index, QuestionForms forms)
    {
        var sentences = Whole().Split(text.Trim()).Where(s => s.Length > 0).ToList();
        if (sentences.Count < 2 && text.Length <= Snippet.MaxLength) return null;
        var best = Best(sentences, question, cues, counted, index, forms);
        // A sentence too long to lead is narrowed to its best clause; one too short to say anything takes the next.
        if (best.Length > Snippet.MaxLength) return Best(Sentences.Split(best), question, cues, counted, index, forms);
        var at = sentences.IndexOf(best);
        return best.Length < MinLead && at + 1 < sentences.Count && best.Length + sentences[at + 1].Length < Snippet.MaxLength
            ? best + " " + sentences[at + 1] : best;
    }

    /// <summary>A lead shorter than this ("Qua tổng kết, đánh giá … năm 2021.") is a lead-in, not an answer.</summary>
    private const int MinLead = 120;

    private static string Best(IReadOnlyList<string> sentences, IReadOnlySet<string> question, QuestionCues cues, string? counted, KnowledgeIndex index, QuestionForms forms) =>
        sentences
            .Select((s, i) => (Sentence: s, Index: i, Score: Score(s, question, cues, counted, index, forms)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .First().Sentence;

    /// <summary>Sentence ends only: a clause after ";" is part of its sentence's answer, and "..." before a small
    /// letter ("an toàn lao động... bằng những hình thức") does not end one.</summary>
    [GeneratedRegex(@"(?<=[.!?…])\s+(?=[\p{Lu}\d""“(])")]
    private static partial Regex Whole();

    private static double Score(string sentence, IReadOnlySet<string> question, QuestionCues cues, string? counted, KnowledgeIndex index, QuestionForms forms)
    {
        var analyzed = index.Sentence(sentence);
        return index.Coverage(question, analyzed.Terms) + (Carries(analyzed.Text.Words, cues.Type, counted, forms) ? KindBonus : 0);
    }

    private static bool IsNumber(string word) => char.IsDigit(word[0]);

    /// <summary>Whether the sentence holds the kind of detail the question type asks for.</summary>
    /// <param name="counted">The noun a count is asked of ("điều" of "điều mấy"): the number must stand beside it.</param>
    private static bool Carries(IReadOnlyList<string> words, string? type, string? counted, QuestionForms forms) => type switch
    {
        "date" => words.Any(w => w.Contains('/') && char.IsDigit(w[0])),
        "number" => counted is null ? words.Any(w => char.IsDigit(w[0]))
            : words.Where((w, i) => w == counted && (i > 0 && IsNumber(words[i - 1]) || i + 1 < words.Count && IsNumber(words[i + 1]))).Any(),
        "purpose" => words.Any(w => forms.PurposeMarkers.Contains(w)),
        _ => false,
    };

    /// <summary>Starts with a capital; a clause cut at ";" or "," ends with a full stop instead.</summary>
    public static string Tidy(string sentence)
    {
        var s = sentence.Trim().TrimEnd(';', ',', ':').TrimEnd();
        if (s.Length == 0) return s;
        if (!".!?…".Contains(s[^1])) s += ".";
        return char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..];
    }
}
