using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AnToan.Bot.Content;

/// <summary>Phrases of import.json found in a text as whole words, case-insensitively, diacritics as written.</summary>
internal sealed class Cues
{
    private readonly string[] _phrases;

    public Cues(IEnumerable<string> phrases) =>
        _phrases = phrases.Select(p => p.Normalize(NormalizationForm.FormC).Trim()).Where(p => p.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length).ToArray();

    /// <summary>Every occurrence, the longest phrase where several start at one place, not overlapping, in text order.</summary>
    public IReadOnlyList<Span> FindAll(string text, int from = 0, int to = -1)
    {
        if (to < 0) to = text.Length;
        var found = new List<Span>();
        for (var i = from; i < to; i++)
        {
            if (!WordStart(text, i) || !StartsAt(text, i, to, out var end)) continue;
            found.Add(new Span(i, end));
            i = end - 1;
        }
        return found;
    }

    /// <summary>A phrase starts exactly at <paramref name="index"/> and ends at a word boundary before <paramref name="limit"/>.</summary>
    public bool StartsAt(string text, int index, int limit, out int end)
    {
        foreach (var phrase in _phrases)
        {
            end = index + phrase.Length;
            if (end <= limit && string.Compare(text, index, phrase, 0, phrase.Length, StringComparison.OrdinalIgnoreCase) == 0 && WordEnd(text, end))
                return true;
        }
        end = index;
        return false;
    }

    public bool StartsAt(string text, int index, out int end) => StartsAt(text, index, text.Length, out end);

    /// <summary>The whole of <paramref name="text"/> is one of the phrases.</summary>
    public bool IsExactly(string text) => StartsAt(text, 0, out var end) && end == text.Length;

    public bool Any => _phrases.Length > 0;

    internal static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    internal static bool WordStart(string text, int i) => i < text.Length && IsWordChar(text[i]) && (i == 0 || !IsWordChar(text[i - 1]));

    private static bool WordEnd(string text, int i) => i >= text.Length || !IsWordChar(text[i]);
}

/// <summary>A range of a text: Start inclusive, End exclusive.</summary>
internal readonly record struct Span(int Start, int End)
{
    public bool Contains(int i) => Start <= i && i < End;
    public string Of(string text) => text[Start..End];
}

/// <summary>Sentences and clauses of a paragraph, as spans, so that what is found in them keeps its place.</summary>
internal static partial class TextSpans
{
    /// <summary>Sentences end at . ! ? … before a capital, a digit or an opening quote ("… nội bộ... Thực hiện").</summary>
    public static IReadOnlyList<Span> Sentences(string text) => Between(text, SentenceEnd(), 0, text.Length);

    /// <summary>Clauses of a sentence: its parts between semicolons.</summary>
    public static IReadOnlyList<Span> Clauses(string text, Span sentence) => Between(text, ClauseEnd(), sentence.Start, sentence.End);

    /// <summary>The words of a span (letters and digits), as spans.</summary>
    public static IEnumerable<Span> Words(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!Cues.IsWordChar(text[i])) continue;
            var start = i;
            while (i < to && Cues.IsWordChar(text[i])) i++;
            yield return new Span(start, i);
        }
    }

    /// <summary>The text with its first letter in capitals and a full stop at its end.</summary>
    public static string AsSentence(string text)
    {
        var t = text.Trim().TrimEnd(',', ';', ':', ' ');
        if (t.Length == 0) return t;
        t = char.ToUpper(t[0], CultureInfo.InvariantCulture) + t[1..];
        return t[^1] is '.' or '!' or '?' or '…' ? t : t + ".";
    }

    public static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    /// <summary>True when the letters of the text are all capitals ("HƯỚNG DẪN", "CÔNG AN TỈNH …").</summary>
    public static bool IsUpper(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    private static List<Span> Between(string text, Regex end, int from, int to)
    {
        var spans = new List<Span>();
        var start = from;
        foreach (Match m in end.Matches(text[from..to]))
        {
            var at = from + m.Index;
            Add(start, at);
            start = at + m.Length;
        }
        Add(start, to);
        return spans;

        void Add(int s, int e)
        {
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) spans.Add(new Span(s, e));
        }
    }

    // The end punctuation stays in the sentence: the match is the space after it.
    [GeneratedRegex(@"(?<=[.!?…])\s+(?=[\p{Lu}\d“""'(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?<=;)\s*")]
    private static partial Regex ClauseEnd();

    /// <summary>Runs of white space, no-break and zero-width spaces included.</summary>
    [GeneratedRegex(@"[\s\u00A0\u200B]+")]
    public static partial Regex Spaces();
}
