using AnToan.Knowledge.Search;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Answers;

/// <summary>The part of a passage that supports an answer: the sentences that match the question best, in
/// reading order, cut at a sentence (or clause) boundary so the message stays short.</summary>
public static class Snippet
{
    public const int MaxLength = 400;

    public static string From(string text, IReadOnlySet<string> question, KnowledgeIndex index)
    {
        text = text.Trim();
        if (text.Length <= MaxLength) return text;
        var sentences = Sentences.Split(text);
        var scores = sentences
            .Select(s => index.Coverage(question, index.Analyzer.Analyze(s).Terms.ToHashSet(StringComparer.Ordinal)))
            .ToList();
        var best = scores.IndexOf(scores.Max());
        if (sentences[best].Length > MaxLength) return Cut(sentences[best]);
        int first = best, last = best, length = sentences[best].Length;
        while (true)
        {
            if (last + 1 < sentences.Count && length + 1 + sentences[last + 1].Length <= MaxLength)
                length += 1 + sentences[++last].Length;
            else if (first > 0 && length + 1 + sentences[first - 1].Length <= MaxLength)
                length += 1 + sentences[--first].Length;
            else break;
        }
        return string.Join(' ', sentences.Skip(first).Take(last - first + 1));
    }

    /// <summary>Cuts a long sentence at the last clause boundary (";" then ",") that fits, and marks the cut.</summary>
    private static string Cut(string sentence)
    {
        var head = sentence[..MaxLength];
        var at = head.LastIndexOf(';');
        if (at < MaxLength / 2) at = head.LastIndexOf(',');
        if (at < MaxLength / 2) at = head.LastIndexOf(' ');
        return head[..at].TrimEnd() + "…";
    }
}
