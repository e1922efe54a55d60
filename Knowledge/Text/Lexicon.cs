using System.Text.Json;

namespace AnToan.Knowledge.Text;

/// <summary>The Vietnamese words the matcher must understand (lexicon.json, embedded): how dates, numbers and
/// percentages are said, relative time, and the cues of each question type. All phrases are folded.</summary>
/// <remarks>Language data rather than guidance content: it changes with Vietnamese, not with the plan.</remarks>
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

    public static Lexicon Default { get; } = Load();

    private sealed record Data(
        string[] DayWords, string[] MonthWords, string[] YearWords, string[] NumberMarkers, string[] PercentWords,
        Dictionary<string, int> RelativeDays, Dictionary<string, int> RelativeMonths, Dictionary<string, int> RelativeYears,
        Dictionary<string, string[]> QuestionTypes, string[] Countdown, string[] CountWords, string[] CountUnits, string[] NumberWords, string[] Recurring,
        Dictionary<string, DetailData> Details, string[] Fillers, string[] Onsets, string[][] Synonyms);

    private sealed record DetailData(string[] Asked, string[] Given);

    private static Lexicon Load()
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("AnToan.Knowledge.Text.lexicon.json")
            ?? throw new InvalidOperationException("lexicon.json is not embedded");
        var data = JsonSerializer.Deserialize<Data>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException("lexicon.json is empty");
        static string[] P(string s) => VietnameseText.Words(s);
        static IReadOnlyList<string[]> L(IEnumerable<string> xs) => xs.Select(P).Where(p => p.Length > 0).ToList();
        // Folding drops "#": the words are folded one by one.
        static string[] Given(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w == DetailKind.AnyNumber ? w : VietnameseText.FoldWord(w)).ToArray();
        return new Lexicon
        {
            DayWords = L(data.DayWords),
            MonthWords = L(data.MonthWords),
            YearWords = L(data.YearWords),
            NumberMarkers = L(data.NumberMarkers),
            PercentWords = L(data.PercentWords),
            RelativeDays = data.RelativeDays.Select(kv => (P(kv.Key), kv.Value)).ToList(),
            RelativeMonths = data.RelativeMonths.Select(kv => (P(kv.Key), kv.Value)).ToList(),
            RelativeYears = data.RelativeYears.Select(kv => (P(kv.Key), kv.Value)).ToList(),
            QuestionCues = data.QuestionTypes.SelectMany(kv => kv.Value.Select(v => (kv.Key, P(v)))).ToList(),
            Countdown = L(data.Countdown),
            CountWords = L(data.CountWords),
            CountUnits = L(data.CountUnits),
            NumberWords = data.NumberWords.SelectMany(VietnameseText.Words).ToHashSet(StringComparer.Ordinal),
            Recurring = L(data.Recurring),
            Details = data.Details.Select(kv => new DetailKind(kv.Key, L(kv.Value.Asked), kv.Value.Given.Select(Given).ToList())).ToList(),
            Synonyms = data.Synonyms
                .SelectMany(g => g.Skip(1).Select(p => (P(p), P(g[0]))))
                .Where(x => x.Item1.Length > 0)
                .ToList(),
            Onsets = data.Onsets.OrderByDescending(o => o.Length).ToList(),
            Fillers = data.Fillers.SelectMany(VietnameseText.Words).ToHashSet(StringComparer.Ordinal),
        };
    }
}

/// <summary>A detail a question can ask for ("mức phạt"): asked by any of <paramref name="Asked"/>, given only by
/// an entry that says one of <paramref name="Given"/>, where <see cref="AnyNumber"/> stands for any number.</summary>
public sealed record DetailKind(string Name, IReadOnlyList<string[]> Asked, IReadOnlyList<string[]> Given)
{
    public const string AnyNumber = "#";
}
