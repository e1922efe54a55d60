using AnToan.Knowledge.Model;

namespace AnToan.Knowledge.Text;

/// <summary>vietnamese.json as written: the one list of the Vietnamese words the bot reads, loaded with the content
/// snapshot. The matcher reads it folded (<see cref="Lexicon"/>), the dialogs' recognisers diacritics-aware
/// (Dialogs' VietnameseVocabulary); the words both need are written once, so the two cannot drift apart.</summary>
/// <remarks>Content, not code: a missing colloquial form is a one-line change published like any other, and the search
/// index of a snapshot is built with the words of that snapshot.</remarks>
public sealed record Vocabulary(
    Vocabulary.NumberSection Numbers, Vocabulary.DateSection Dates, Vocabulary.RecogniserSection Recognisers,
    Vocabulary.MatcherSection Matcher)
{
    public const string File = "vietnamese.json";

    public sealed record NumberSection(
        Dictionary<string, int> Units, string[] Ten, string[] TensMultiplier, Dictionary<string, int> UnitsAfterTens,
        string[] ZeroTens, Dictionary<string, long> Scales, string[] Percent)
    {
        /// <summary>Every word that says a number or part of one.</summary>
        public IEnumerable<string> Words =>
            Units.Keys.Concat(Ten).Concat(TensMultiplier).Concat(UnitsAfterTens.Keys).Concat(ZeroTens).Concat(Scales.Keys);
    }

    public sealed record DateSection(
        string[] DayWords, string[] MonthWords, string[] YearWords, Dictionary<string, int> RelativeDays,
        Dictionary<string, int> RelativeMonths, Dictionary<string, int> RelativeYears);

    /// <param name="RelativeDays">Read after <see cref="DateSection.RelativeDays"/>, by the recognisers only.</param>
    public sealed record RecogniserSection(
        Dictionary<string, int> RelativeDays, string[] WeekdayWords, Dictionary<string, int> NamedWeekdays,
        Dictionary<string, int> Weeks, Dictionary<string, string> Periods, string[] Ago, string[] Later, YesNoSection YesNo);

    public sealed record YesNoSection(string[] Yes, string[] No, string[] WeakYes);

    /// <param name="NotNumbers">Number words the matcher does not count as numbers: folded, they are other words.</param>
    public sealed record MatcherSection(
        string[] NumberMarkers, string[] NotNumbers, string[] Recurring, Dictionary<string, string[]> QuestionTypes,
        string[] Countdown, string[] CountWords, string[] CountUnits, Dictionary<string, DetailSection> Details,
        string[] Fillers, string[][] Synonyms, string[] Onsets);

    public sealed record DetailSection(string[] Asked, string[] Given);

    /// <summary>Reads vietnamese.json of <paramref name="files"/> and checks what the readers rely on.</summary>
    /// <exception cref="ContentException">The file is broken or lacks a word a reader needs.</exception>
    public static Vocabulary Read(ContentFiles files)
    {
        var vocabulary = ContentJson.Read<Vocabulary>(files, File);
        // The matcher names month terms by the first month word; a date needs each kind of word.
        if (vocabulary.Dates.DayWords.Length == 0 || vocabulary.Dates.MonthWords.Length == 0 || vocabulary.Dates.YearWords.Length == 0)
            throw new ContentException(File, null, "dayWords, monthWords and yearWords each need a word");
        var numbers = vocabulary.Numbers.Words.ToHashSet(StringComparer.Ordinal);
        if (vocabulary.Matcher.NotNumbers.FirstOrDefault(w => !numbers.Contains(w)) is { } stray)
            throw new ContentException(File, null, $"notNumbers lists '{stray}', which is not a number word");
        return vocabulary;
    }
}
