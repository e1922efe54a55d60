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
            .Select(s => index.Coverage(question, index.Sentence(s).Terms))
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
        var snippet = string.Join(' ', sentences.Skip(first).Take(last - first + 1));
        // Room left: the start of the next sentence, cut at a clause, rather than nothing.
        var room = MaxLength - snippet.Length - 1;
        if (last + 1 < sentences.Count && room >= MinTail) snippet += " " + Cut(sentences[last + 1], room);
        return snippet;
    }

    /// <summary>The shortest tail worth adding.</summary>
    private const int MinTail = 80;

    /// <summary>Cuts a long sentence at the last clause boundary (";" then ",") that fits, and marks the cut.</summary>
    private static string Cut(string sentence, int max = MaxLength)
    {
        if (sentence.Length <= max) return sentence;
        var head = sentence[..max];
        var at = head.LastIndexOf(';');
        if (at < max / 2) at = head.LastIndexOf(',');
        if (at < max / 2) at = head.LastIndexOf(' ');
        return head[..Math.Max(at, 1)].TrimEnd() + "…";
    }
}
