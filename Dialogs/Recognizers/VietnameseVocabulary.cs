using AnToan.Knowledge.Model;
using AnToan.Knowledge.Text;

namespace AnToan.Dialogs.Recognizers;

/// <summary>The recognisers' view of the content's vietnamese.json (<see cref="Vocabulary"/>): its words in phrase
/// tables where a word typed with diacritics must match exactly, built once per content snapshot.</summary>
/// <remarks>The same file the matcher reads: the day, month, year, number and percent words are written once for both.</remarks>
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

    /// <summary>Built with the knowledge content (<c>content.Part&lt;VietnameseVocabulary&gt;()</c>), so that a reload changes it too.</summary>
    public static ContentPart Part { get; } = ContentPart.Of(content => From(content.Vocabulary));

    public static VietnameseVocabulary From(Vocabulary vocabulary)
    {
        var (n, d, r) = (vocabulary.Numbers, vocabulary.Dates, vocabulary.Recognisers);
        return new VietnameseVocabulary
        {
            // "mười"/"mươi" are often mistyped: their diacritics are not trusted.
            Numbers = new NumberWords(Table(n.Units), Set(n.Ten, PhraseMatching.Folded), Set(n.TensMultiplier, PhraseMatching.Folded),
                Table(n.UnitsAfterTens), Set(n.ZeroTens), Table(n.Scales), Set(n.Percent)),
            Dates = new DateWords(Set(d.DayWords), Set(d.MonthWords), Set(d.YearWords), Table(d.RelativeDays.Concat(r.RelativeDays)),
                Set(r.WeekdayWords), Table(r.NamedWeekdays), Table(r.Weeks), Table(r.Periods), Set(r.Ago), Set(r.Later)),
            YesNo = new YesNoWords(
                Table(r.YesNo.Yes.Select(w => KeyValuePair.Create(w, true)).Concat(r.YesNo.No.Select(w => KeyValuePair.Create(w, false)))),
                Set(r.YesNo.WeakYes)),
        };
    }

    private static PhraseTable<T> Table<T>(IEnumerable<KeyValuePair<string, T>> phrases) =>
        PhraseTable<T>.Of(phrases, PhraseMatching.ExactWhenAccented);

    private static PhraseTable<bool> Set(IEnumerable<string> words, PhraseMatching matching = PhraseMatching.ExactWhenAccented) =>
        PhraseTable<bool>.Of(words.Select(w => KeyValuePair.Create(w, true)), matching);
}
