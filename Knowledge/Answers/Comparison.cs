using AnToan.Knowledge.Search;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Answers;

/// <summary>"X và Y khác nhau thế nào?", "So sánh X với Y": X and Y are matched apart and answered side by side,
/// each from its own entry, rather than with the one passage that happens to mention both.</summary>
public static class Comparison
{
    /// <returns>The matches of the two sides, when the question compares two things the knowledge answers with
    /// different entries; null otherwise.</returns>
    public static IReadOnlyList<MatchResult>? Match(KnowledgeIndex index, string question, DateOnly today, Func<IndexEntry, bool>? include, QuestionForms forms)
    {
        var raw = question.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = raw.Select(VietnameseText.Words).ToList();
        // One folded word per raw token keeps the two in step; tokens that fold to several words ("4/10") stay whole.
        var words = folded.Select(f => f.Length == 1 ? f[0] : string.Join(' ', f)).ToList();
        var at = 0;
        while (at < words.Count && !QuestionForms.AtAny(words, at, forms.Comparisons)) at++;
        if (at == words.Count) return null;
        var m = (At: at, forms.Comparisons.First(c => QuestionForms.At(words, at, c)).Length);
        var kept = raw.Where((_, i) => i < m.At || i >= m.At + m.Length).ToList();
        var keptWords = words.Where((_, i) => i < m.At || i >= m.At + m.Length).ToList();
        for (var i = 1; i < keptWords.Count - 1; i++)
        {
            var joiner = forms.Joiners.FirstOrDefault(j => QuestionForms.At(keptWords, i, j));
            if (joiner is null) continue;
            var first = KnowledgeMatcher.Match(index, string.Join(' ', kept.Take(i)), today, include);
            var second = KnowledgeMatcher.Match(index, string.Join(' ', kept.Skip(i + joiner.Length)), today, include);
            if (first.Answered && second.Answered && first.Best!.Key != second.Best!.Key
                && first.Best.Kind != EntryKind.Intent && second.Best.Kind != EntryKind.Intent)
                return [first, second];
        }
        return null;
    }
}
