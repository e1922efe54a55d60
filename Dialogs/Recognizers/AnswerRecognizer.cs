using System.Globalization;
using System.Text.RegularExpressions;
using AnToan.Dialogs.Engine;
using AnToan.Knowledge;
using AnToan.Knowledge.Text;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;

namespace AnToan.Dialogs.Recognizers;

/// <summary>Reads an answer to a prompt: the library's EnglishOthers models for digits ("12", "90%", "05/03/2021", day
/// before month) together with our Vietnamese models for words; where both match, the longer match wins.</summary>
public sealed class AnswerRecognizer
{
    private readonly KnowledgeStore _knowledge;
    private readonly LocalClock _clock;
    private readonly IModel _numbers;
    private readonly IModel _percentages;
    private readonly DateTimeModel _dates;

    public AnswerRecognizer(KnowledgeStore knowledge, LocalClock clock)
    {
        (_knowledge, _clock) = (knowledge, clock);
        var numbers = new NumberRecognizer(Culture.EnglishOthers);
        _numbers = numbers.GetNumberModel();
        _percentages = numbers.GetPercentageModel();
        _dates = new DateTimeRecognizer(Culture.EnglishOthers).GetDateTimeModel();
    }

    /// <summary>The vocabulary of the content in service: a content reload changes it too. Our models only hold it,
    /// so they are made per use.</summary>
    private VietnameseVocabulary Vocabulary => _knowledge.Current.Part<VietnameseVocabulary>();

    /// <summary>Every number in the text (digits, words, percentages), longest match first where they overlap, in text order.</summary>
    public IReadOnlyList<ModelResult> Numbers(string text) =>
        Merge(_percentages.Parse(text).Concat(_numbers.Parse(text)).Concat(new VietnameseNumberModel(Vocabulary).Parse(text)));

    /// <summary>Every date in the text, resolved against today in the bot's time zone; only dates of the years
    /// <see cref="VietnameseDateModel.FirstYear"/> to <see cref="VietnameseDateModel.LastYear"/>.</summary>
    public IReadOnlyList<ModelResult> Dates(string text) => Scan(text).Read;

    /// <summary>The text has a date whose year is out of the window or could not be read ("31/12/9999"): a slip to
    /// ask about again, never to save as this year's day.</summary>
    public bool HasUnreadDate(string text) => Scan(text).Unread;

    /// <remarks>The library reads "31/12/9999" as "31/12" with no year (so this year) and leaves "/9999" out: a date
    /// followed by more of a numeric date is one whose year it could not read.</remarks>
    private (List<ModelResult> Read, bool Unread) Scan(string text)
    {
        var today = _clock.Today;
        var library = _dates.Parse(text, today.ToDateTime(TimeOnly.MinValue)).Where(r => r.TypeName == "datetimeV2.date");
        var all = Merge(new VietnameseDateModel(Vocabulary, () => today).Parse(text, today).Concat(library));
        var read = all.Where(r => !UnreadYear.IsMatch(text[(r.End + 1)..])
            && Values(r).All(d => d.Year is >= VietnameseDateModel.FirstYear and <= VietnameseDateModel.LastYear)).ToList();
        return (read, read.Count < all.Count);
    }

    /// <summary>What follows a date the library read without its year: a separator and digits ("/9999").</summary>
    private static readonly Regex UnreadYear = new(@"^\s*[/.\-]\s*\d", RegexOptions.CultureInvariant);

    /// <summary>The dates a result resolves to (the library gives a past and a future one for "5/3").</summary>
    private static List<DateOnly> Values(ModelResult result) =>
        result.Resolution["values"] is IEnumerable<IDictionary<string, string>> values
            ? values.Where(v => v.TryGetValue("type", out var t) && t == "date")
                .Select(v => DateOnly.TryParseExact(v["value"], "yyyy-MM-dd", out var d) ? d : (DateOnly?)null)
                .OfType<DateOnly>().ToList()
            : [];

    /// <summary>The first whole number of the text; a percentage counts as its number ("90%" is 90).</summary>
    public long? Number(string text)
    {
        var first = Numbers(text).FirstOrDefault();
        var value = first?.Resolution["value"] as string;
        return decimal.TryParse(value?.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d)
            ? (long)d
            : null;
    }

    /// <summary>The first date of the text; of the library's past/future readings of "5/3" the one in this year.</summary>
    public DateOnly? Date(string text)
    {
        if (Dates(text).FirstOrDefault() is not { } first) return null;
        var dates = Values(first);
        return dates.Cast<DateOnly?>().FirstOrDefault(d => d!.Value.Year == _clock.Today.Year) ?? dates.Cast<DateOnly?>().FirstOrDefault();
    }

    public bool? YesNo(string text) => new VietnameseBooleanModel(Vocabulary).Parse(text).FirstOrDefault()?.Resolution["value"] as bool?;

    /// <summary>The option typed as its label, value or a synonym (with or without diacritics), as its number in the list,
    /// or, when <paramref name="inSentence"/>, named inside a longer sentence ("bên mình chưa làm ạ"); null when nothing
    /// or more than one option fits.</summary>
    public ChoiceOption? Choice(string text, IReadOnlyList<ChoiceOption> options, bool inSentence = true)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0) return null;
        var exact = options.FirstOrDefault(o => Phrases(o).Contains(folded));
        if (exact is not null) return exact;
        var numbers = Numbers(text);
        if (numbers.Count == 1 && numbers[0].Text.Length == text.Trim().Length && Number(text) is { } n && n >= 1 && n <= options.Count)
            return options[(int)n - 1];
        if (!inSentence) return null;
        var padded = $" {folded} ";
        var found = options.Where(o => !o.WholeMessage)
            .SelectMany(o => Phrases(o).SelectMany(p => Occurrences(padded, $" {p} ")).Select(at => (Option: o, at.Start, at.End)))
            .ToList();
        // A phrase inside a longer one ("đạt" in "chưa đạt") does not count; two different options named is no answer.
        var kept = found.Where(f => !found.Any(g => g.Start <= f.Start && f.End <= g.End && g.End - g.Start > f.End - f.Start)).ToList();
        var named = kept.Select(f => f.Option).Distinct().ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>An option typed at the start of a longer message ("đã làm 15/3, NQ số 12") and the rest of it; null
    /// when the message does not start with one of the options' phrases.</summary>
    public (ChoiceOption Option, string Details)? LeadingChoice(string text, IReadOnlyList<ChoiceOption> options)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = Math.Min(4, words.Length - 1); k >= 1; k--)
        {
            var head = VietnameseText.Fold(string.Join(' ', words[..k])).TrimEnd(DetailSeparators);
            if (options.FirstOrDefault(o => !o.WholeMessage && Phrases(o).Contains(head)) is not { } option) continue;
            // "xong rồi, ...": more words of the same option are part of the choice, not details.
            while (k < words.Length && !DetailSeparators.Contains(words[k - 1][^1]) && Phrases(option).Contains(VietnameseText.Fold(words[k]).Trim(DetailSeparators))) k++;
            return (option, string.Join(' ', words[k..]).Trim(DetailSeparators));
        }
        return null;
    }

    /// <summary>The details after a choice: the date in them, and the rest as a note.</summary>
    public DetailedChoice Details(string value, string details)
    {
        var date = Dates(details).FirstOrDefault();
        var note = date is null ? details : details.Remove(date.Start, Math.Min(date.Text.Length, details.Length - date.Start));
        note = string.Join(' ', note.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(DetailSeparators);
        return new DetailedChoice(value, date is null ? null : Date(details), details, note.Length > 0 ? note : null);
    }

    private static readonly char[] DetailSeparators = [' ', ',', '.', ';', ':', '-', '–'];

    /// <summary>A unit's join code: one word of 4 to 12 letters and digits, upper-cased; null for anything else.</summary>
    public static string? Code(string text)
    {
        text = text.Trim();
        return text.Length is >= 4 and <= 12 && text.All(char.IsAsciiLetterOrDigit) ? text.ToUpperInvariant() : null;
    }

    private static IEnumerable<(int Start, int End)> Occurrences(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            yield return (at, at + phrase.Length);
    }

    private static IEnumerable<string> Phrases(ChoiceOption option) =>
        option.Synonyms.Append(option.Label).Append(option.Value).Select(VietnameseText.Fold).Where(p => p.Length > 0);

    private static List<ModelResult> Merge(IEnumerable<ModelResult> results)
    {
        var chosen = new List<ModelResult>();
        foreach (var r in results.OrderByDescending(r => r.End - r.Start))
            if (!chosen.Any(c => r.Start <= c.End && c.Start <= r.End)) chosen.Add(r);
        return chosen.OrderBy(r => r.Start).ToList();
    }
}
