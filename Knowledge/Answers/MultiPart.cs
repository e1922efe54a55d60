using AnToan.Knowledge.Search;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Answers;

/// <summary>A message that asks two questions ("Mô hình là gì và xây dựng theo quyết định nào?"): split only where
/// both sides are questions, each with its own cue, so that a question fully answered by its first part gets no
/// unrelated second block.</summary>
public static class MultiPart
{
    /// <returns>The second question, or null when the message is one question.</returns>
    public static string? Second(string question, KnowledgeIndex index, QuestionForms forms)
    {
        var raw = question.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = raw.Select(r => string.Join(' ', VietnameseText.Words(r))).ToList();
        for (var i = 1; i < words.Count - 1; i++)
        {
            var joiner = forms.Joiners.FirstOrDefault(j => QuestionForms.At(words, i, j));
            var comma = raw[i - 1].EndsWith(',') || raw[i - 1].EndsWith('?');
            if (joiner is null && !comma) continue;
            var second = raw.Skip(i + (joiner?.Length ?? 0)).ToList();
            if (IsQuestion(raw.Take(i), index) && IsQuestion(second, index)) return string.Join(' ', second);
        }
        return null;
    }

    /// <summary>The second question with the subject of the first ("… và xây dựng thế nào?" asks how the first part's
    /// subject is built): the first part's words without its question words.</summary>
    public static string WithSubject(string question, string second, KnowledgeIndex index)
    {
        var first = question[..Math.Max(question.LastIndexOf(second, StringComparison.Ordinal), 0)];
        var words = index.AnalyzeAsWritten(first).Words;
        var cues = QuestionCues.Detect(words, index.Analyzer.Lexicon);
        return string.Join(' ', words.Where((_, i) => !cues.Positions.Contains(i))) + " " + second;
    }

    private static bool IsQuestion(IEnumerable<string> raw, KnowledgeIndex index) =>
        QuestionCues.Detect(index.AnalyzeAsWritten(string.Join(' ', raw)).Words, index.Analyzer.Lexicon).Types.Count > 0;
}
