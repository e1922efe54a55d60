using System.Globalization;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Answers;

/// <summary>What a question asks for beyond its type, which only an entry that says it can answer: a detail of
/// vietnamese.json ("mức phạt", "ai ký"), a count of something ("mấy bước", "bao nhiêu đơn vị") and the years it names.</summary>
/// <remarks>Read from the question as written (no typo correction), so a word the content never uses ("bước")
/// still asks for itself rather than for the content word nearest to it.</remarks>
/// <param name="Kinds">The details asked for.</param>
/// <param name="Counted">The noun a count is asked of, or null.</param>
/// <param name="Strict">The count must be said as a number before the noun (a unit such as "bước"); otherwise a
/// percentage answers too ("bao nhiêu đơn vị": "90% cơ quan").</param>
/// <param name="Years">The years named ("năm 2020", "23/5/2021"), a span of them ("nhiệm kỳ 2021–2026") as one.</param>
/// <param name="DocumentNumber">The number of a document is asked ("nghị quyết số mấy"), not just which one.</param>
public sealed record AskedDetails(IReadOnlyList<DetailKind> Kinds, string[]? Counted, bool Strict, IReadOnlyList<string[]> Years, bool DocumentNumber = false)
{
    private const int FirstYear = 1900;
    private const int LastYear = 2099;

    public static AskedDetails Detect(IReadOnlyList<string> words, Lexicon lexicon)
    {
        var cues = QuestionCues.Detect(words, lexicon);
        var years = Spans(words);
        // "còn bao lâu nữa" asks for a date to count to, which the countdown check already requires.
        if (cues.Countdown) return new AskedDetails([], null, false, years);
        var number = cues.Type == "reference"
            && lexicon.NumberMarkers.Any(m => cues.Positions.Any(p => QuestionForms.At(words, p, m)));
        var kinds = lexicon.Details
            .Where(d => d.Asked.Any(phrase => QuestionCues.Next(words, phrase, 0) >= 0))
            .ToList();
        if (cues.CountedAt is not { } at) return new AskedDetails(kinds, null, false, years, number);
        var unit = lexicon.CountUnits.FirstOrDefault(u => QuestionForms.At(words, at, u));
        return new AskedDetails(kinds, unit ?? [words[at]], unit is not null, years, number);
    }

    private static List<string[]> Spans(IReadOnlyList<string> words)
    {
        var spans = new List<string[]>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsYear(words[i])) continue;
            var end = i;
            while (end + 1 < words.Count && IsYear(words[end + 1])) end++;
            spans.Add(words.Skip(i).Take(end - i + 1).ToArray());
            i = end;
        }
        return spans;
    }

    /// <summary>A number of four digits that can be a year of this content's world.</summary>
    public static bool IsYear(string word) =>
        word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= FirstYear and <= LastYear;
}
