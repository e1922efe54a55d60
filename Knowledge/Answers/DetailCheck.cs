using System.Text.RegularExpressions;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Answers;

/// <summary>Why an entry cannot answer what was asked, though it is about the same subject.</summary>
/// <param name="What">The detail it lacks: a detail kind of vietnamese.json, <see cref="DetailCheck.Count"/>,
/// <see cref="DetailCheck.Year"/>, or the question type.</param>
/// <param name="Hard">The entry cannot be what was meant (nothing on fines answers "mức phạt"): it is neither the
/// answer nor a choice. Otherwise (a "bao nhiêu" met by text without any number) it may only be offered as a choice.</param>
public sealed record DetailGap(string What, bool Hard);

/// <summary>Whether an entry gives the detail a question asks for. Coverage measures how much of the question an
/// entry is about; this asks whether it says what was asked: the nearest passage that names no fine and no steps
/// does not answer "mức phạt bao nhiêu" or "gồm mấy bước", and one on 2021 does not answer for 2020.</summary>
public static partial class DetailCheck
{
    public const string Count = "count";
    public const string Year = "year";

    /// <param name="named">The documents the question names: their numbers' years are not years asked about, and a
    /// detail of one of them ("ai ký thông tư 23") comes from an entry of that document.</param>
    /// <returns>Null when the entry gives what is asked, or nothing in particular is asked.</returns>
    public static DetailGap? Find(IndexEntry entry, AskedDetails asked, QuestionCues cues, IReadOnlyCollection<DocumentInfo> named, KnowledgeIndex index)
    {
        if (entry.Kind == EntryKind.Intent) return null;
        var lexicon = index.Analyzer.Lexicon;
        var document = DocumentOf(entry, index);
        // The year of a year's guidance is GuidanceYear's filter: what it lets through answers for the year asked.
        var years = document?.Year is not null ? []
            : asked.Years.Where(span => !span.All(y => named.Any(d => NamedYears(d).Contains(y))));
        if (!years.All(span => span.Length > 1 ? Says(entry, span, lexicon)
                : InForce(document, span[0], index) is { } inForce ? inForce && asked.Counted is null
                : (cues.Type == "date" ? Dates(entry, span[0], document, lexicon) : Mentions(entry, span[0], document))))
            return new DetailGap(Year, true);
        var fromNamed = named.Count == 0 || document is not null && named.Contains(document);
        if (asked.Kinds.FirstOrDefault(k => !fromNamed || !k.Given.Any(g => Says(entry, g, lexicon))) is { } missing)
            return new DetailGap(missing.Name, true);
        if (asked.Counted is { } noun && !Says(entry, [DetailKind.AnyNumber, .. noun], lexicon)
            && (asked.Strict || !entry.Said.Any(t => t.Any(IsPercent))))
            return new DetailGap(Count, true);
        return cues.Type switch
        {
            "number" when !entry.Said.Any(t => t.Any(w => IsNumber(w, lexicon))) => new DetailGap(cues.Type, false),
            "reference" when asked.DocumentNumber && entry.Kind != EntryKind.Document && !entry.Terms.Any(t => Reference().IsMatch(t))
                => new DetailGap(cues.Type, false),
            _ => null,
        };
    }

    private static DocumentInfo? DocumentOf(IndexEntry entry, KnowledgeIndex index)
    {
        var id = entry.Item switch
        {
            Passage p => p.Source.Document,
            Fact f => f.Source.Document,
            CalendarEntry c => c.Source.Document,
            DocumentInfo d => d.Id,
            _ => null,
        };
        return index.Content.Documents.FirstOrDefault(d => d.Id == id);
    }

    /// <summary>The year is in the entry or in the number or dates of its document (a passage of the 2021 guidance
    /// speaks of 2021 without saying so).</summary>
    private static bool Mentions(IndexEntry entry, string year, DocumentInfo? document) =>
        entry.Said.Any(t => t.Contains(year)) || OfDocument(document, year);

    /// <summary>For "when": a date of that year ("15/3/2026", "năm 2026"; not the "2031" of "nhiệm kỳ 2026–2031"),
    /// a date of its document, or something every year.</summary>
    private static bool Dates(IndexEntry entry, string year, DocumentInfo? document, Lexicon lexicon) =>
        entry.Said.Any(t => t.Select((w, i) => i > 0 && w == year && (t[i - 1].Contains('/') || lexicon.YearWords.Any(y => y[^1] == t[i - 1]))).Any(b => b))
        || OfDocument(document, year)
        || entry.Item is CalendarEntry { Recurring: true }
        || lexicon.Recurring.Any(phrase => Says(entry, phrase, lexicon));

    /// <summary>For a rule with an effective date, the year asked is answered by the rule in force then (a passage of
    /// Thông tư 23 answers for 2021 without naming it) — but a count asked of a year ("năm 2020 có bao nhiêu đơn vị")
    /// is a figure of that year, which no rule gives; null for other documents.</summary>
    private static bool? InForce(DocumentInfo? document, string year, KnowledgeIndex index) =>
        document is null ? null : index.Content.InForce(document, int.Parse(year, System.Globalization.CultureInfo.InvariantCulture));

    private static bool OfDocument(DocumentInfo? document, string year) =>
        document is not null && YearsOf(string.Join(' ', document.Number, document.Date, document.Effective)).Contains(year);

    /// <summary>The years in a document's number and date: naming a document ("Quyết định 1383, ngày 25/5/2017") does
    /// not ask about those years.</summary>
    public static HashSet<string> NamedYears(DocumentInfo document) => YearsOf($"{document.Number} {document.Date}");

    private static HashSet<string> YearsOf(string text) =>
        Years().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static bool Says(IndexEntry entry, string[] phrase, Lexicon lexicon) =>
        entry.Said.Any(words => Occurs(words, phrase, lexicon));

    private static bool Occurs(IReadOnlyList<string> words, string[] phrase, Lexicon lexicon)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            var k = 0;
            while (k < phrase.Length && (phrase[k] == DetailKind.AnyNumber ? IsNumber(words[i + k], lexicon) : words[i + k] == phrase[k])) k++;
            if (k == phrase.Length) return true;
        }
        return false;
    }

    /// <summary>Digits, a date, a percentage or a number word.</summary>
    private static bool IsNumber(string word, Lexicon lexicon) =>
        char.IsDigit(word[0]) || lexicon.NumberWords.Contains(word);

    private static bool IsPercent(string word) => word.Length > 1 && word[^1] == '%' && char.IsDigit(word[0]);

    /// <summary>A document reference term ("tt23", "nq133").</summary>
    [GeneratedRegex("^[a-z]+[0-9]+$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\b(19|20)[0-9]{2}\b")]
    private static partial Regex Years();
}
