using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Answers;

/// <summary>What kind of answer a question asks for, from its wording (the matcher section of vietnamese.json).</summary>
/// <param name="Type">date | number | actor | definition | reference (the fact types of facts.json), or null.</param>
/// <param name="Countdown">"còn bao nhiêu ngày ...": the answer counts days from today.</param>
/// <param name="Positions">Where the cues stand in the question's words: they say what kind of answer is
/// wanted, not what about, so coverage leaves them out.</param>
/// <param name="Types">Every type asked for: two of them ("là gì và xây dựng thế nào") make two questions.</param>
/// <param name="CountedAt">Where the noun stands that a count word asks about ("bước" of "gồm mấy bước"): the
/// answer must say how many of it, not just some number.</param>
public sealed record QuestionCues(string? Type, bool Countdown, IReadOnlySet<int> Positions, IReadOnlySet<string> Types, int? CountedAt = null)
{
    /// <summary>Marks how something is done; it prefers no kind of entry.</summary>
    public const string Manner = "manner";

    public bool AsksTwoThings => Types.Count >= 2;

    /// <summary>Cues are taken longest first and may not overlap ("ngày bao nhiêu" is a date, not also a number);
    /// the longest decides the type.</summary>
    public static QuestionCues Detect(IReadOnlyList<string> words, Lexicon lexicon)
    {
        var found = new List<(int Start, int Length, string Type)>();
        foreach (var (type, phrase) in lexicon.QuestionCues)
            for (var start = Next(words, phrase, 0); start >= 0; start = Next(words, phrase, start + 1))
                found.Add((start, phrase.Length, type));
        var positions = new HashSet<int>();
        var types = new List<string>();
        var counts = new List<int>();
        foreach (var cue in found.OrderByDescending(c => c.Length).ThenBy(c => c.Type == Manner))
        {
            var span = Enumerable.Range(cue.Start, cue.Length).ToList();
            if (span.Any(positions.Contains)) continue;
            positions.UnionWith(span);
            if (!types.Contains(cue.Type)) types.Add(cue.Type);
            if (IsCountWord(words, cue.Start, cue.Length, lexicon.CountWords))
                counts.Add(cue.Start + cue.Length);
        }
        var countdown = false;
        foreach (var phrase in lexicon.Countdown)
            for (var start = Next(words, phrase, 0); start >= 0; start = Next(words, phrase, start + 1))
            {
                countdown = true;
                positions.UnionWith(Enumerable.Range(start, phrase.Length));
            }
        var primary = countdown ? "date" : types.FirstOrDefault(t => t != Manner);
        int? counted = countdown ? null : counts
            .Where(p => p < words.Count && !positions.Contains(p) && !lexicon.Fillers.Contains(words[p]))
            .Select(p => (int?)p)
            .FirstOrDefault();
        return new QuestionCues(primary, countdown, positions, types.ToHashSet(), counted);
    }

    private static bool IsCountWord(IReadOnlyList<string> words, int start, int length, IReadOnlyList<string[]> countWords)
    {
        for (var w = 0; w < countWords.Count; w++)
            if (countWords[w].Length == length && QuestionForms.At(words, start, countWords[w])) return true;
        return false;
    }

    /// <summary>Where <paramref name="phrase"/> next stands in <paramref name="words"/> from <paramref name="from"/>
    /// on; -1 when nowhere. A loop rather than an iterator: it runs for every phrase of the lexicon on every question.</summary>
    internal static int Next(IReadOnlyList<string> words, string[] phrase, int from)
    {
        for (var i = from; i + phrase.Length <= words.Count; i++)
            if (QuestionForms.At(words, i, phrase)) return i;
        return -1;
    }
}
