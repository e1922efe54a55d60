namespace AnToan.Knowledge.Text;

/// <summary>The Vietnamese words the matcher must understand, read from the content's vietnamese.json
/// (<see cref="Vocabulary"/>): how dates, numbers and percentages are said, relative time, and the cues of each
/// question type. All phrases are folded.</summary>
/// <remarks>Each content snapshot has its own (<see cref="Model.KnowledgeContent.Lexicon"/>), and its index is analysed with it.</remarks>
public sealed class Lexicon
{
    public required IReadOnlyList<string[]> DayWords { get; init; }
    public required IReadOnlyList<string[]> MonthWords { get; init; }
    public required IReadOnlyList<string[]> YearWords { get; init; }
    public required IReadOnlyList<string[]> NumberMarkers { get; init; }
    public required IReadOnlyList<string[]> PercentWords { get; init; }
    public required IReadOnlyList<(string[] Phrase, int Offset)> RelativeDays { get; init; }
    public required IReadOnlyList<(string[] Phrase, int Offset)> RelativeMonths { get; init; }
    public required IReadOnlyList<(string[] Phrase, int Offset)> RelativeYears { get; init; }
    /// <summary>Question type (date, number, actor, definition) → its cues.</summary>
    public required IReadOnlyList<(string Type, string[] Phrase)> QuestionCues { get; init; }
    public required IReadOnlyList<string[]> Countdown { get; init; }
    /// <summary>"bao nhiêu", "mấy": before a noun they ask for a count of it.</summary>
    public required IReadOnlyList<string[]> CountWords { get; init; }
    /// <summary>Nouns whose count only a number before them gives ("3 bước"); of other nouns a percentage says how many too.</summary>
    public required IReadOnlyList<string[]> CountUnits { get; init; }
    /// <summary>Numbers said in words ("hai mức"): they count like digits.</summary>
    public required IReadOnlySet<string> NumberWords { get; init; }
    /// <summary>Said of what happens every year ("hằng năm"): its date holds for any year.</summary>
    public required IReadOnlyList<string[]> Recurring { get; init; }
    /// <summary>Details a question may ask for and the words an entry must have to give them.</summary>
    public required IReadOnlyList<DetailKind> Details { get; init; }
    /// <summary>Words that carry no topic (particles, pronouns, prepositions): a match is not judged on them.</summary>
    public required IReadOnlySet<string> Fillers { get; init; }
    /// <summary>Phrase → the phrase that stands for its group ("công ty" → "doanh nghiệp").</summary>
    public required IReadOnlyList<(string[] Phrase, string[] Canonical)> Synonyms { get; init; }
    /// <summary>Consonants a syllable may start with, longest first: what is left is its rhyme.</summary>
    public required IReadOnlyList<string> Onsets { get; init; }

    /// <summary>The matcher's view of <paramref name="vocabulary"/>: every phrase folded into words.</summary>
    public static Lexicon Of(Vocabulary vocabulary)
    {
        var (numbers, dates, matcher) = (vocabulary.Numbers, vocabulary.Dates, vocabulary.Matcher);
        static string[] P(string s) => VietnameseText.Words(s);
        static IReadOnlyList<string[]> L(IEnumerable<string> xs) => xs.Select(P).Where(p => p.Length > 0).ToList();
        static IReadOnlyList<(string[], int)> Offsets(Dictionary<string, int> phrases) => phrases.Select(kv => (P(kv.Key), kv.Value)).ToList();
        // Folding drops "#": the words are folded one by one.
        static string[] Given(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w == DetailKind.AnyNumber ? w : VietnameseText.FoldWord(w)).ToArray();
        return new Lexicon
        {
            DayWords = L(dates.DayWords),
            MonthWords = L(dates.MonthWords),
            YearWords = L(dates.YearWords),
            NumberMarkers = L(matcher.NumberMarkers),
            PercentWords = L(numbers.Percent),
            RelativeDays = Offsets(dates.RelativeDays),
            RelativeMonths = Offsets(dates.RelativeMonths),
            RelativeYears = Offsets(dates.RelativeYears),
            QuestionCues = matcher.QuestionTypes.SelectMany(kv => kv.Value.Select(v => (kv.Key, P(v)))).ToList(),
            Countdown = L(matcher.Countdown),
            CountWords = L(matcher.CountWords),
            CountUnits = L(matcher.CountUnits),
            NumberWords = numbers.Words.Except(matcher.NotNumbers, StringComparer.Ordinal).SelectMany(VietnameseText.Words)
                .ToHashSet(StringComparer.Ordinal),
            Recurring = L(matcher.Recurring),
            Details = matcher.Details.Select(kv => new DetailKind(kv.Key, L(kv.Value.Asked), kv.Value.Given.Select(Given).ToList())).ToList(),
            Synonyms = matcher.Synonyms
                .SelectMany(g => g.Skip(1).Select(p => (P(p), P(g[0]))))
                .Where(x => x.Item1.Length > 0)
                .ToList(),
            Onsets = matcher.Onsets.OrderByDescending(o => o.Length).ToList(),
            Fillers = matcher.Fillers.SelectMany(VietnameseText.Words).ToHashSet(StringComparer.Ordinal),
        };
    }
}

/// <summary>A detail a question can ask for ("mức phạt"): asked by any of <paramref name="Asked"/>, given only by
/// an entry that says one of <paramref name="Given"/>, where <see cref="AnyNumber"/> stands for any number.</summary>
public sealed record DetailKind(string Name, IReadOnlyList<string[]> Asked, IReadOnlyList<string[]> Given)
{
    public const string AnyNumber = "#";
}
