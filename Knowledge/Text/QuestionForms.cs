using System.Text.Json;

namespace AnToan.Knowledge.Text;

/// <summary>How questions are put beyond single words (question-forms.json, embedded): places the knowledge is not
/// about, instructions wrapped around a question, yes/no and comparison forms. All phrases are folded.</summary>
public sealed class QuestionForms
{
    public required IReadOnlyList<string[]> Names { get; init; }
    public required IReadOnlyList<string[]> PlaceMarkers { get; init; }
    /// <summary>The kinds of unit (cơ quan, doanh nghiệp, nhà trường), each as the phrases that name it.</summary>
    public required IReadOnlyList<IReadOnlyList<string[]>> UnitTypes { get; init; }
    public required IReadOnlyList<string[]> Instructions { get; init; }
    public required IReadOnlyList<string[]> LeadIns { get; init; }
    public required IReadOnlyList<string[]> YesNoEndings { get; init; }
    public required IReadOnlySet<string> YesNoTrailers { get; init; }
    /// <summary>Words that only mark a yes/no question ("có", "phải"): not what it asks about.</summary>
    public required IReadOnlySet<string> YesNoMarkers { get; init; }
    public required IReadOnlyList<string[]> Negators { get; init; }
    public required IReadOnlySet<string> PurposeMarkers { get; init; }
    public required IReadOnlyList<string[]> Comparisons { get; init; }
    public required IReadOnlyList<string[]> Joiners { get; init; }

    public static QuestionForms Default { get; } = Load();

    private sealed record Data(
        string[] Names, string[] PlaceMarkers, string[][] UnitTypes, string[] Instructions, string[] LeadIns, string[] YesNoEndings,
        string[] YesNoTrailers, string[] YesNoMarkers, string[] Negators, string[] PurposeMarkers, string[] Comparisons, string[] Joiners);

    private static QuestionForms Load()
    {
        using var stream = typeof(QuestionForms).Assembly.GetManifestResourceStream("AnToan.Knowledge.Text.question-forms.json")
            ?? throw new InvalidOperationException("question-forms.json is not embedded");
        var data = JsonSerializer.Deserialize<Data>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException("question-forms.json is empty");
        // Longest first, so "phải không" is taken before "không".
        static IReadOnlyList<string[]> L(IEnumerable<string> xs) =>
            xs.Select(VietnameseText.Words).Where(p => p.Length > 0).OrderByDescending(p => p.Length).ToList();
        return new QuestionForms
        {
            Names = L(data.Names),
            PlaceMarkers = L(data.PlaceMarkers),
            UnitTypes = data.UnitTypes.Select(L).ToList(),
            Instructions = L(data.Instructions),
            LeadIns = L(data.LeadIns),
            YesNoEndings = L(data.YesNoEndings),
            YesNoTrailers = data.YesNoTrailers.SelectMany(VietnameseText.Words).ToHashSet(StringComparer.Ordinal),
            YesNoMarkers = data.YesNoMarkers.SelectMany(VietnameseText.Words).ToHashSet(StringComparer.Ordinal),
            Negators = L(data.Negators),
            PurposeMarkers = data.PurposeMarkers.SelectMany(VietnameseText.Words).ToHashSet(StringComparer.Ordinal),
            Comparisons = L(data.Comparisons),
            Joiners = L(data.Joiners),
        };
    }

    /// <summary>Whether <paramref name="phrase"/> stands in <paramref name="words"/> at <paramref name="at"/>.</summary>
    public static bool At(IReadOnlyList<string> words, int at, string[] phrase)
    {
        if (at < 0 || at + phrase.Length > words.Count) return false;
        for (var k = 0; k < phrase.Length; k++)
            if (words[at + k] != phrase[k]) return false;
        return true;
    }

    /// <summary>Whether a phrase of <paramref name="phrases"/> ends just before <paramref name="at"/>.</summary>
    public static bool EndsBefore(IReadOnlyList<string> words, int at, IReadOnlyList<string[]> phrases)
    {
        for (var p = 0; p < phrases.Count; p++)
            if (At(words, at - phrases[p].Length, phrases[p])) return true;
        return false;
    }

    /// <summary>Whether one of <paramref name="phrases"/> stands at <paramref name="at"/>. A loop, not <c>Any</c> with a
    /// lambda: it runs at every word of a question, and each lambda capturing the position is an allocation.</summary>
    public static bool AtAny(IReadOnlyList<string> words, int at, IReadOnlyList<string[]> phrases)
    {
        for (var p = 0; p < phrases.Count; p++)
            if (At(words, at, phrases[p])) return true;
        return false;
    }
}
