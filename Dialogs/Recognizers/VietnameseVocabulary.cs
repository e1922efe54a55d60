using AnToan.Knowledge.Model;
using AnToan.Knowledge.Text;

namespace AnToan.Dialogs.Recognizers;

/// <summary>The Vietnamese words the recognisers read (Knowledge/Content/vietnamese.json), folded once at load.</summary>
/// <remarks>Kept as data so that a missing colloquial form is a one-line content change, not a build.</remarks>
public sealed class VietnameseVocabulary
{
    public required NumberWords Numbers { get; init; }
    public required DateWords Dates { get; init; }
    public required YesNoWords YesNo { get; init; }

    public sealed record NumberWords(
        PhraseTable<int> Units, PhraseTable<bool> Ten, PhraseTable<bool> TensMultiplier, PhraseTable<int> UnitsAfterTens,
        PhraseTable<bool> ZeroTens, PhraseTable<long> Scales, PhraseTable<bool> Percent);

    public sealed record DateWords(
        PhraseTable<bool> DayWords, PhraseTable<bool> MonthWords, PhraseTable<bool> YearWords, PhraseTable<int> RelativeDays,
        PhraseTable<bool> WeekdayWords, PhraseTable<int> NamedWeekdays, PhraseTable<int> Weeks, PhraseTable<string> Periods,
        PhraseTable<bool> Ago, PhraseTable<bool> Later);

    public sealed record YesNoWords(PhraseTable<bool> Strong, PhraseTable<bool> Weak);

    /// <summary>vietnamese.json, loaded and checked with the knowledge content (<c>content.Part&lt;VietnameseVocabulary&gt;()</c>).</summary>
    public static ContentPart Part { get; } = ContentPart.Of(content => Load(content.Files));

    public static VietnameseVocabulary Load(ContentFiles files)
    {
        var raw = ContentJson.Read<Raw>(files, "vietnamese.json");
        var n = raw.Numbers;
        var d = raw.Dates;
        return new VietnameseVocabulary
        {
            Numbers = new NumberWords(new(n.Units), Set(n.Ten, foldedOnly: true), Set(n.TensMultiplier, foldedOnly: true), new(n.UnitsAfterTens), Set(n.ZeroTens),
                new(n.Scales), Set(n.Percent)),
            Dates = new DateWords(Set(d.DayWords), Set(d.MonthWords), Set(d.YearWords), new(d.RelativeDays), Set(d.WeekdayWords),
                new(d.NamedWeekdays), new(d.Weeks), new(d.Periods), Set(d.Ago), Set(d.Later)),
            YesNo = new YesNoWords(
                new(raw.YesNo.Yes.Select(w => KeyValuePair.Create(w, true)).Concat(raw.YesNo.No.Select(w => KeyValuePair.Create(w, false)))),
                Set(raw.YesNo.WeakYes)),
        };
    }

    private static PhraseTable<bool> Set(IEnumerable<string> words, bool foldedOnly = false) =>
        new(words.Select(w => KeyValuePair.Create(w, true)), foldedOnly);

    private sealed record Raw(RawNumbers Numbers, RawDates Dates, RawYesNo YesNo);

    private sealed record RawNumbers(
        Dictionary<string, int> Units, string[] Ten, string[] TensMultiplier, Dictionary<string, int> UnitsAfterTens, string[] ZeroTens,
        Dictionary<string, long> Scales, string[] Percent);

    private sealed record RawDates(
        string[] DayWords, string[] MonthWords, string[] YearWords, Dictionary<string, int> RelativeDays, string[] WeekdayWords,
        Dictionary<string, int> NamedWeekdays, Dictionary<string, int> Weeks, Dictionary<string, string> Periods, string[] Ago,
        string[] Later);

    private sealed record RawYesNo(string[] Yes, string[] No, string[] WeakYes);
}

/// <summary>Phrases (one or more words) with a value each, looked up by longest match over tokens.</summary>
/// <remarks>A token typed with diacritics must match the phrase's word exactly ("từ" is not "tư", "dạ" is not "đã");
/// a token typed without diacritics matches the folded word. Tables built with <c>foldedOnly</c> ignore diacritics
/// altogether, for words people often mistype ("mười"/"mươi").</remarks>
public sealed class PhraseTable<T>
{
    private readonly Dictionary<string, List<(string[] Words, T Value)>> _phrases = new(StringComparer.Ordinal);
    private readonly bool _foldedOnly;
    private readonly int _longest;

    public PhraseTable(IEnumerable<KeyValuePair<string, T>> phrases, bool foldedOnly = false)
    {
        _foldedOnly = foldedOnly;
        foreach (var (phrase, value) in phrases)
        {
            var words = Token.Split(phrase).Select(t => t.Lower).ToArray();
            if (words.Length == 0) continue;
            var key = string.Join(' ', words.Select(VietnameseText.Fold));
            if (!_phrases.TryGetValue(key, out var list)) _phrases[key] = list = [];
            list.Add((words, value));
            _longest = Math.Max(_longest, words.Length);
        }
    }

    /// <summary>The longest phrase starting at token <paramref name="start"/>: its value and how many tokens it spans.</summary>
    public bool TryMatch(IReadOnlyList<Token> tokens, int start, out T value, out int length)
    {
        for (length = Math.Min(_longest, tokens.Count - start); length > 0; length--)
        {
            var span = Enumerable.Range(start, length).Select(i => tokens[i]).ToArray();
            if (!_phrases.TryGetValue(string.Join(' ', span.Select(t => t.Folded)), out var candidates)) continue;
            foreach (var (words, candidate) in candidates)
                if (_foldedOnly || span.Select((t, i) => !t.IsAccented || t.Lower == words[i]).All(ok => ok))
                {
                    value = candidate;
                    return true;
                }
        }
        value = default!;
        length = 0;
        return false;
    }

    public bool Contains(IReadOnlyList<Token> tokens, int start) => TryMatch(tokens, start, out _, out _);
}
