using System.Text.RegularExpressions;
using AnToan.Dialogs.Recognizers;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Token = AnToan.Knowledge.Text.Token;

namespace AnToan.Bot.Content;

/// <summary>A date found in a paragraph: where (<see cref="Span"/>), which day, and whether its year was written.</summary>
internal sealed record DateMatch(Span Span, DateOnly Date, string Written, bool YearWritten);

/// <summary>Every date of a text: numeric ones ("11/02/2021", "5/3/2021", "(19/8)") by Microsoft.Recognizers' EnglishOthers
/// model (day before month), Vietnamese ones ("ngày 05 tháng 01 năm 2026") by our <see cref="VietnameseDateModel"/>.</summary>
/// <remarks>Only explicit dates count: the library's readings of English words ("Thu", "may") and our model's relative
/// days ("hôm nay", "tuần sau") mean nothing in an administrative text. A day and month without a year is in
/// <c>year</c>, the guidance's.</remarks>
internal sealed partial class DateFinder(VietnameseVocabulary vocabulary)
{
    // Built once: the library compiles hundreds of expressions; its models are safe to share between threads.
    private static readonly Lazy<DateTimeModel> Library = new(() => new DateTimeRecognizer(Culture.EnglishOthers).GetDateTimeModel());

    public IReadOnlyList<DateMatch> Find(string text, int year)
    {
        var reference = new DateOnly(year, 1, 1);
        var found = Numeric(text, year, reference).Concat(Vietnamese(text, reference));
        // Where two readings overlap, the longer one wins.
        var chosen = new List<DateMatch>();
        foreach (var m in found.OrderByDescending(m => m.Span.End - m.Span.Start))
            if (!chosen.Any(c => m.Span.Start < c.Span.End && c.Span.Start < m.Span.End)) chosen.Add(m);
        return chosen.OrderBy(m => m.Span.Start).ThenBy(m => m.Date).ToList();
    }

    private static IEnumerable<DateMatch> Numeric(string text, int year, DateOnly reference)
    {
        if (!NumericDate().IsMatch(text)) yield break;
        foreach (var result in Library.Value.Parse(text, reference.ToDateTime(TimeOnly.MinValue)))
        {
            if (!result.TypeName.StartsWith("datetimeV2.", StringComparison.Ordinal) || !NumericDate().IsMatch(result.Text)) continue;
            if (result.Resolution?.GetValueOrDefault("values") is not IEnumerable<Dictionary<string, string>> values) continue;
            var span = new Span(result.Start, result.End + 1);
            var days = new SortedSet<(DateOnly, bool)>();
            foreach (var value in values)
            {
                var yearWritten = !(value.GetValueOrDefault("timex") ?? "").StartsWith("XXXX", StringComparison.Ordinal);
                foreach (var key in new[] { "value", "start", "end" })
                {
                    if (value.GetValueOrDefault(key) is not { Length: >= 10 } iso
                        || !DateOnly.TryParseExact(iso[..10], "yyyy-MM-dd", out var date)) continue;
                    // A day and month without a year: the library offers last year's and next year's; ours is the guidance's.
                    if (!yearWritten)
                    {
                        if (date.Month == 2 && date.Day == 29 && !DateTime.IsLeapYear(year)) continue;
                        date = new DateOnly(year, date.Month, date.Day);
                    }
                    days.Add((date, yearWritten));
                }
            }
            // A range ("01/3 - 31/3/2026") gives both ends; each is a date of the text, in the same words.
            foreach (var (date, yearWritten) in days)
                yield return new DateMatch(span, date, result.Text, yearWritten);
        }
    }

    private IEnumerable<DateMatch> Vietnamese(string text, DateOnly reference)
    {
        var words = vocabulary.Dates;
        foreach (var result in new VietnameseDateModel(vocabulary, () => reference).Parse(text, reference))
        {
            // Explicit dates name their month ("ngày 5 tháng 1 năm 2026"); the rest are relative days.
            var tokens = Token.Split(result.Text);
            var month = Enumerable.Range(0, tokens.Count).FirstOrDefault(i => words.MonthWords.Contains(tokens, i), -1);
            if (month < 0) continue;
            var yearWritten = Enumerable.Range(month, tokens.Count - month).Any(i => words.YearWords.Contains(tokens, i));
            if (result.Resolution["values"] is not IEnumerable<Dictionary<string, string>> values) continue;
            foreach (var value in values)
                if (DateOnly.TryParseExact(value["value"], "yyyy-MM-dd", out var date))
                    yield return new DateMatch(new Span(result.Start, result.End + 1), date, result.Text, yearWritten);
        }
    }

    // Digits glued by / - . into a day and month, not part of a longer number ("124/2021/TT-BCA", "2021-2026").
    [GeneratedRegex(@"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}(?![\d])")]
    private static partial Regex NumericDate();
}
