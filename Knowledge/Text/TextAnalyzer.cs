using System.Globalization;
using System.Text;
using AnToan.Knowledge.Model;

namespace AnToan.Knowledge.Text;

/// <summary>Turns Vietnamese text into matching terms, the same way for the content and for a question.</summary>
/// <remarks>
/// One analyzer per content snapshot: abbreviations come from glossary.json and document kinds from
/// documents.json. Both sides of a match are reduced to one form each: "1/12", "01/12" and "ngày 01 tháng 12"
/// become "1/12" (the year, when given, is a separate term), "90 %" and "90 phần trăm" become "90%",
/// an abbreviation is written out and its short form kept beside it, and "thông tư 23", "tt23" and
/// "23/2012/TT-BCA" all carry the reference "tt23".
/// </remarks>
public sealed partial class TextAnalyzer
{
    private readonly Lexicon _lexicon;
    private readonly HashSet<string> _lowerWords = new(StringComparer.Ordinal);
    private readonly PhraseTable<Abbreviation> _abbreviations = new();
    private readonly PhraseTable<string> _fullForms = new();
    private readonly PhraseTable<string[]> _kinds = new();
    private readonly PhraseTable<string[]> _synonyms = new();

    private sealed record Abbreviation(string[] Short, string[] Full, string Token, bool NeedsCapitals);

    private enum Kind { Word, Number, Date }

    /// <param name="Expanded">Written out from an abbreviation: not expanded again.</param>
    private readonly record struct Tok(string Text, Kind Kind, bool Upper, bool Expanded = false);

    /// <param name="corpus">The content's text: a short form also written in lower case there as an ordinary
    /// word (e.g. "ca" in "cá nhân") is expanded only when typed in capitals.</param>
    public TextAnalyzer(Lexicon lexicon, IEnumerable<GlossaryEntry> glossary, IEnumerable<DocumentInfo> documents, IEnumerable<string> corpus)
    {
        _lexicon = lexicon;
        foreach (var (phrase, canonical) in lexicon.Synonyms) _synonyms.Add(phrase, canonical);
        foreach (var text in corpus)
            foreach (var (raw, upper) in Scan(text))
                if (!upper) _lowerWords.Add(VietnameseText.FoldWord(raw));

        foreach (var entry in glossary)
        {
            var full = VietnameseText.Words(entry.Full);
            if (full.Length == 0) continue;
            var shorts = new List<string[]> { VietnameseText.Words(entry.Abbr) };
            var fulls = new List<string[]> { full };
            foreach (var variant in entry.Variants ?? [])
                (IsShortForm(variant) ? shorts : fulls).Add(VietnameseText.Words(variant));
            var token = ShortFormTerm(entry.Abbr);
            foreach (var s in shorts.Where(s => s.Length > 0))
                _abbreviations.Add(s, new Abbreviation(s, full, token, s.Length == 1 && _lowerWords.Contains(s[0])));
            foreach (var f in fulls.Where(f => f.Length > 1)) _fullForms.Add(f, token);
        }

        foreach (var group in documents
                     .Select(d => (Kind: VietnameseText.Words(d.Kind), Code: DocumentCode(d.Number)))
                     .Where(k => k.Kind.Length > 0 && k.Code is not null)
                     .GroupBy(k => string.Join(' ', k.Kind)))
        {
            var codes = group.Select(g => g.Code!).Distinct().ToArray();
            _kinds.Add(group.First().Kind, codes);
            foreach (var code in codes) _kinds.Add([code], [code]);
        }
    }

    public Lexicon Lexicon => _lexicon;

    /// <summary>The letters that say what kind a document number is: "HD" of 413/HD-CAT-PV05, "TT" of 23/2012/TT-BCA.</summary>
    public static string? DocumentCode(string number)
    {
        var parts = VietnameseText.FoldWord(number).Split('/', '-', ' ');
        if (!IsDigits(parts[0])) return null;
        foreach (var part in parts.Skip(1))
        {
            var letters = new string(part.TakeWhile(char.IsLetter).ToArray());
            if (letters.Length > 0) return letters;
        }
        return null;
    }

    /// <summary>The term an abbreviation stands beside its written-out form with ("cqdnnt" for CQ-DN-NT).</summary>
    public static string ShortFormTerm(string abbreviation) => string.Concat(VietnameseText.Words(abbreviation));

    /// <summary>The reference term of a document ("tt23" for 23/2012/TT-BCA), as questions carry it; null without a number.</summary>
    public static string? ReferenceTerm(string number)
    {
        var code = DocumentCode(number);
        var digits = new string(number.TakeWhile(char.IsDigit).ToArray());
        return code is null ? null : code + TrimZeros(digits);
    }

    /// <summary>The month a term names (made by <see cref="MonthTerm"/> or <see cref="DateTerm"/>), if it names one.</summary>
    public int? MonthOf(string term)
    {
        var prefix = string.Concat(_lexicon.MonthWords[0]);
        // A month term ("thang6"), or the month of a date term ("5/3", from "ngày 5 tháng 3" or "mùng 5 tháng 3").
        var month = term.StartsWith(prefix, StringComparison.Ordinal) ? term.AsSpan(prefix.Length)
            : term.IndexOf('/') is var slash and > 0 ? term.AsSpan(slash + 1) : [];
        return int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : null;
    }

    /// <summary>The canonical term of a day of a month.</summary>
    public static string DateTerm(int day, int month) => string.Create(CultureInfo.InvariantCulture, $"{day}/{month}");

    /// <summary>The canonical term of a month ("tháng 6", "tháng này" in June).</summary>
    public string MonthTerm(int month) => string.Concat(_lexicon.MonthWords[0]) + month.ToString(CultureInfo.InvariantCulture);

    /// <param name="today">Resolves "hôm nay", "tháng này" ...; null for content, which has no "now".</param>
    /// <param name="correct">Replaces a word the content does not know by a close one (typos); null for content.</param>
    /// <param name="known">Whether the content uses a term; a relative term ("m+1") it never uses is left out of a question.</param>
    public AnalyzedText Analyze(string? text, DateOnly? today = null, Func<string, string?>? correct = null, Func<string, bool>? known = null)
    {
        var toks = Tokenize(text ?? "", correct);
        var words = new List<string>(toks.Count + 4);
        var extras = new List<string>();
        var i = 0;
        while (i < toks.Count)
        {
            if (Relative(toks, i, today, known, words) is var rel and > 0) { i += rel; continue; }
            if (DateExpression(toks, i, words) is var date and > 0) { i += date; continue; }
            var month = Match(toks, i, _lexicon.MonthWords);
            if (month > 0 && Number(toks, i + month, 1, 12) is { } m)
            {
                words.Add(MonthTerm(m));
                i += month + 1;
                continue;
            }
            var percent = toks[i].Kind == Kind.Number ? Match(toks, i + 1, _lexicon.PercentWords) : 0;
            if (percent > 0)
            {
                words.Add(toks[i].Text + "%");
                i += 1 + percent;
                continue;
            }
            DocumentReference(toks, i, extras);
            if (Abbreviated(toks, i) is { } abbr)
            {
                // Written out in place, so the full form meets the rules below (nested abbreviations, pairs).
                toks.RemoveRange(i, abbr.Short.Length);
                toks.InsertRange(i, abbr.Full.Select(w => new Tok(w, Kind.Word, false, true)));
                continue;
            }
            AddFullForms(toks, i, extras);
            if (Synonym(toks, i) is { } synonym)
            {
                toks.RemoveRange(i, synonym.Phrase.Length);
                toks.InsertRange(i, synonym.Canonical.Select(w => new Tok(w, Kind.Word, false, true)));
                continue;
            }
            words.Add(toks[i].Text);
            i++;
        }
        return new AnalyzedText(words, extras);
    }

    /// <summary>"hôm nay", "tháng này", "tháng sau", "năm nay" → a relative term ("d+0", "m+1", "y+0") everywhere, and in a question
    /// also the day or month it means today, so commands worded relatively ("lịch tháng này") match as written
    /// while "tháng này" also finds what falls in this month.</summary>
    private int Relative(List<Tok> toks, int i, DateOnly? today, Func<string, bool>? known, List<string> words)
    {
        void AddRelative(string term)
        {
            if (known?.Invoke(term) != false) words.Add(term);
        }

        if (Find(toks, i, _lexicon.RelativeDays) is var (days, dayOffset) && days > 0)
        {
            AddRelative(RelativeTerm('d', dayOffset));
            if (today?.AddDays(dayOffset) is { } day) words.Add(DateTerm(day.Day, day.Month));
            return days;
        }
        if (Find(toks, i, _lexicon.RelativeMonths) is var (months, monthOffset) && months > 0)
        {
            AddRelative(RelativeTerm('m', monthOffset));
            if (today?.AddMonths(monthOffset) is { } month) words.Add(MonthTerm(month.Month));
            return months;
        }
        // "năm nay", "năm ngoái": the year itself, as if it had been typed ("năm 2026").
        if (Find(toks, i, _lexicon.RelativeYears) is var (years, yearOffset) && years > 0)
        {
            AddRelative(RelativeTerm('y', yearOffset));
            if (today is { } day) words.Add((day.Year + yearOffset).ToString(CultureInfo.InvariantCulture));
            return years;
        }
        return 0;
    }

    private static string RelativeTerm(char unit, int offset) => string.Create(CultureInfo.InvariantCulture, $"{unit}{offset:+0;-0;+0}");

    /// <summary>"[ngày] 1/12[/2021]" or "[ngày] 1 tháng 12 [năm 2021]" → "1/12" [+ "2021"].</summary>
    private int DateExpression(List<Tok> toks, int i, List<string> words)
    {
        var j = i + Match(toks, i, _lexicon.DayWords);
        if (j < toks.Count && toks[j].Kind == Kind.Date)
        {
            words.Add(toks[j].Text);
            return j + 1 - i;
        }
        if (Number(toks, j, 1, 31) is not { } day) return 0;
        var month = Match(toks, j + 1, _lexicon.MonthWords);
        if (month == 0 || Number(toks, j + 1 + month, 1, 12) is not { } m) return 0;
        words.Add(DateTerm(day, m));
        j += 2 + month;
        var year = Match(toks, j, _lexicon.YearWords);
        if (Number(toks, j + year, 1000, 9999) is { } y)
        {
            words.Add(y.ToString(CultureInfo.InvariantCulture));
            j += year + 1;
        }
        return j - i;
    }

    /// <summary>"thông tư [số] 23", "tt 23" → "tt23" beside the words.</summary>
    private void DocumentReference(List<Tok> toks, int i, List<string> extras)
    {
        var kinds = _kinds.StartingWith(toks[i].Text);
        for (var k = 0; k < kinds.Count; k++)
        {
            var (phrase, codes) = (kinds[k].Words, kinds[k].Value);
            if (!Matches(toks, i, phrase)) continue;
            var j = i + phrase.Length;
            j += Match(toks, j, _lexicon.NumberMarkers);
            if (j < toks.Count && toks[j].Kind == Kind.Number)
                foreach (var code in codes) extras.Add(code + toks[j].Text);
        }
    }

    private Abbreviation? Abbreviated(List<Tok> toks, int i)
    {
        if (toks[i].Expanded) return null;
        var abbreviations = _abbreviations.StartingWith(toks[i].Text);
        for (var k = 0; k < abbreviations.Count; k++)
            if (abbreviations[k].Value is var a && Matches(toks, i, a.Short) && (!a.NeedsCapitals || toks[i].Upper)) return a;
        return null;
    }

    /// <summary>A word said another way ("công ty"): replaced by the one word that stands for its group.</summary>
    private (string[] Phrase, string[] Canonical)? Synonym(List<Tok> toks, int i)
    {
        if (toks[i].Expanded) return null;
        var synonyms = _synonyms.StartingWith(toks[i].Text);
        for (var k = 0; k < synonyms.Count; k++)
            if (Matches(toks, i, synonyms[k].Words)) return (synonyms[k].Words, synonyms[k].Value);
        return null;
    }

    /// <summary>Adds the short forms of the phrases written out from <paramref name="i"/> on.</summary>
    private void AddFullForms(List<Tok> toks, int i, List<string> extras)
    {
        var fullForms = _fullForms.StartingWith(toks[i].Text);
        for (var k = 0; k < fullForms.Count; k++)
            if (Matches(toks, i, fullForms[k].Words) && !extras.Contains(fullForms[k].Value)) extras.Add(fullForms[k].Value);
    }

    // Indexed loops, not foreach: these run at every word, and foreach over an IReadOnlyList allocates an enumerator.
    private static int Match(List<Tok> toks, int i, IReadOnlyList<string[]> phrases)
    {
        for (var p = 0; p < phrases.Count; p++)
            if (Matches(toks, i, phrases[p])) return phrases[p].Length;
        return 0;
    }

    /// <summary>The length and offset of the first phrase at <paramref name="i"/>; length 0 when none is.</summary>
    private static (int Length, int Offset) Find(List<Tok> toks, int i, IReadOnlyList<(string[] Phrase, int Offset)> phrases)
    {
        for (var p = 0; p < phrases.Count; p++)
            if (Matches(toks, i, phrases[p].Phrase)) return (phrases[p].Phrase.Length, phrases[p].Offset);
        return (0, 0);
    }

    private static bool Matches(List<Tok> toks, int i, string[] phrase)
    {
        if (phrase.Length == 0 || i + phrase.Length > toks.Count) return false;
        for (var k = 0; k < phrase.Length; k++)
            if (toks[i + k].Kind == Kind.Date || toks[i + k].Text != phrase[k]) return false;
        return true;
    }

    private static int? Number(List<Tok> toks, int i, int min, int max) =>
        i < toks.Count && toks[i].Kind == Kind.Number && int.TryParse(toks[i].Text, out var n) && n >= min && n <= max ? n : null;

    private static bool IsShortForm(string variant) =>
        !variant.Trim().Contains(' ') && variant.Where(char.IsLetter).All(char.IsUpper);

    private List<Tok> Tokenize(string text, Func<string, string?>? correct)
    {
        var toks = new List<Tok>();
        foreach (var (raw, upper) in Scan(text))
        {
            var folded = VietnameseText.FoldWord(raw);
            if (folded.Contains('/')) Slashed(folded, upper, toks);
            else Plain(folded, upper, toks, correct);
        }
        return toks;
    }

    /// <summary>"01/12/2021" is a date; "413/HD" and "23/2012/TT" are document numbers; anything else splits.</summary>
    private void Slashed(string folded, bool upper, List<Tok> toks)
    {
        var parts = folded.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.All(IsDigits))
        {
            if (parts.Length is 2 or 3 && int.TryParse(parts[0], out var d) && int.TryParse(parts[1], out var m)
                && d is >= 1 and <= 31 && m is >= 1 and <= 12 && (parts.Length == 2 || parts[2].Length == 4))
            {
                toks.Add(new Tok(DateTerm(d, m), Kind.Date, false));
                if (parts.Length == 3) toks.Add(new Tok(parts[2], Kind.Number, false));
                return;
            }
        }
        var codeAt = IsDigits(parts[0]) ? Array.FindIndex(parts, p => char.IsLetter(p[0])) : -1;
        if (codeAt > 0)
        {
            // The kind code goes first, so "413/HD" reads like "HD 413" and carries the same reference.
            var code = new string(parts[codeAt].TakeWhile(char.IsLetter).ToArray());
            Plain(code, upper, toks, null);
            parts[codeAt] = parts[codeAt][code.Length..];
        }
        foreach (var part in parts.Where(p => p.Length > 0)) Plain(part, upper, toks, null);
    }

    /// <summary>Letters and digits apart ("tt23" → "tt", "23"); numbers without leading zeros; Roman numerals
    /// ("khóa XV") as numbers, unless the letters are also an ordinary word of the content ("vi" in "phạm vi").</summary>
    private void Plain(string folded, bool upper, List<Tok> toks, Func<string, string?>? correct)
    {
        var start = 0;
        for (var k = 1; k <= folded.Length; k++)
        {
            if (k < folded.Length && char.IsDigit(folded[k]) == char.IsDigit(folded[k - 1])) continue;
            var run = folded[start..k];
            if (char.IsDigit(run[0])) toks.Add(new Tok(TrimZeros(run), Kind.Number, false));
            else if (run.Length >= 2 && (upper || !_lowerWords.Contains(run)) && Roman(run) is { } number)
                toks.Add(new Tok(number.ToString(CultureInfo.InvariantCulture), Kind.Number, false));
            else toks.Add(new Tok(run.Length >= 4 && correct?.Invoke(run) is { } fixedRun ? fixedRun : run, Kind.Word, upper));
            start = k;
        }
    }

    private static int? Roman(string letters)
    {
        if (!RomanNumeral().IsMatch(letters)) return null;
        int total = 0, previous = 0;
        foreach (var c in letters.Reverse())
        {
            var v = c switch { 'i' => 1, 'v' => 5, _ => 10 };
            total += v < previous ? -v : v;
            previous = Math.Max(previous, v);
        }
        return total;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^x{0,3}(ix|iv|v?i{0,3})$")]
    private static partial System.Text.RegularExpressions.Regex RomanNumeral();

    private static string TrimZeros(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsDigit);

    /// <summary>At least two letters, all capitals ("ANTT", "CA"; not "Công").</summary>
    private static bool IsCapitals(string raw)
    {
        var letters = 0;
        foreach (var c in raw)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters >= 2;
    }

    /// <summary>Raw words of NFC text: letters and digits, "/" inside a word, "%" on its own.</summary>
    private static IEnumerable<(string Raw, bool Upper)> Scan(string text)
    {
        var nfc = VietnameseText.Normalize(text);
        var sb = new StringBuilder();
        for (var i = 0; i <= nfc.Length; i++)
        {
            var c = i < nfc.Length ? nfc[i] : ' ';
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
                continue;
            }
            if (c == '/' && sb.Length > 0 && i + 1 < nfc.Length && char.IsLetterOrDigit(nfc[i + 1]))
            {
                sb.Append(c);
                continue;
            }
            if (sb.Length > 0)
            {
                var raw = sb.ToString();
                yield return (raw, IsCapitals(raw));
                sb.Clear();
            }
            if (c == '%') yield return ("%", false);
        }
    }
}
