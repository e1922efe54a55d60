using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AnToan.Dialogs.Recognizers;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Text;

namespace AnToan.Bot.Content;

/// <summary>Reads a guidance document (.docx, .txt, .md) into a draft of knowledge: the document, its paragraphs with
/// their parts, every date, and proposed passages, facts, checklist items and calendar entries.</summary>
/// <remarks>Stateless over one content snapshot: its cue words and wording (import.json), its Vietnamese vocabulary
/// (dates in words) and its templates. Nothing here is Vietnamese; what it looks for and what it writes is data.</remarks>
public sealed partial class GuidanceImporter
{
    private readonly ImportWording _w;
    private readonly VietnameseVocabulary _vocabulary;
    private readonly TemplateSet _templates;
    private readonly DateFinder _dates;
    private readonly Cues _numberLabels, _issuedCues, _fillers, _numberWords, _kindNames, _national, _closing, _properNames;
    private readonly Cues _duty, _leadIns, _actors, _objectEnds, _deadline, _target, _recipient, _recipientEnds, _purpose;
    private readonly Regex _heading;

    public GuidanceImporter(KnowledgeContent content)
        : this(content.Part<ImportWording>(), content.Part<VietnameseVocabulary>(), content.Templates) { }

    public GuidanceImporter(ImportWording wording, VietnameseVocabulary vocabulary, TemplateSet templates)
    {
        (_w, _vocabulary, _templates) = (wording, vocabulary, templates);
        _dates = new DateFinder(vocabulary);
        var h = wording.Header;
        (_numberLabels, _issuedCues, _fillers, _numberWords) = (new(h.NumberLabels), new(h.IssuedCues), new(h.IssuedFillers), new(h.NumberWords));
        (_kindNames, _national, _closing, _properNames) = (new(wording.Kinds.Select(k => k.Name)), new(h.NationalHeader), new(h.ClosingStarts), new(h.ProperNames));
        var d = wording.Duties;
        (_duty, _leadIns, _actors, _objectEnds) = (new(d.Cues), new(d.LeadIns), new(d.Actors), new(d.ObjectEnds));
        (_deadline, _target, _recipient, _recipientEnds, _purpose) =
            (new(wording.DeadlineCues), new(wording.TargetCues), new(wording.RecipientCues), new(wording.RecipientEnds), new(wording.PurposeCues));
        var words = string.Join('|', wording.HeadingWords.Select(Regex.Escape));
        _heading = new Regex(
            $@"^(?:(?<roman>[IVXLC]+\.)|(?<num>\d+(?:\.\d+)*[.)])|(?<letter>[a-zđ]\))|(?<word>(?:{(words.Length > 0 ? words : "(?!)")})\s+\d+)[.:]?)(?=\s|$)",
            RegexOptions.CultureInvariant);
    }

    /// <summary>Imports with the wording of <paramref name="content"/> (see the constructor).</summary>
    public static ImportedGuidance Import(Stream file, string fileName, ImportOverrides overrides, KnowledgeContent content) =>
        new GuidanceImporter(content).Import(file, fileName, overrides);

    /// <exception cref="ImportException">Another type of file (UnsupportedType), a file that cannot be read (Broken), no
    /// text (Empty), or no year to be read nor given (NoYear); the message says what to do.</exception>
    public ImportedGuidance Import(Stream file, string fileName, ImportOverrides overrides)
    {
        var extension = Path.GetExtension(fileName);
        ImportException Fail(ImportProblem problem, Exception? inner = null)
        {
            var template = problem switch
            {
                ImportProblem.UnsupportedType => _w.Problems.UnsupportedType,
                ImportProblem.Broken when inner is DecoderFallbackException => _w.Problems.NotUtf8,
                ImportProblem.Broken => _w.Problems.Broken,
                ImportProblem.Empty => _w.Problems.Empty,
                _ => _w.Problems.NoYear,
            };
            return new ImportException(problem, Render("problems", template, new() { ["extension"] = extension }), inner);
        }

        var type = DocumentText.TypeOf(fileName) ?? throw Fail(ImportProblem.UnsupportedType);
        var lines = DocumentText.Read(file, type, Fail);
        if (!lines.Any(l => l.Any(char.IsLetterOrDigit))) throw Fail(ImportProblem.Empty);

        var layout = Layout(lines);
        var header = ReadHeader(lines, layout);
        var title = overrides.Title ?? header.Title;
        var issued = overrides.Issued ?? header.Issued;
        var year = overrides.Year ?? YearOf(title) ?? issued?.Year ?? CommonYear(lines) ?? throw Fail(ImportProblem.NoYear);
        var number = overrides.Number ?? header.Number;
        var kind = KindOf(number) ?? header.Kind ?? _w.Kinds[0];
        var issuer = overrides.Issuer ?? header.Issuer;

        var id = DocumentId(kind, number, year);
        var document = new DocumentInfo(
            id, number ?? "", kind.Name, issued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), issuer ?? "", title ?? "",
            Aliases: Aliases(kind, number, year), Origin: Path.GetFileName(fileName), Year: year);
        var missing = new (string Field, object? Value)[] { ("number", number), ("issued", issued), ("issuer", issuer), ("title", title) }
            .Where(f => f.Value is null).Select(f => f.Field).ToList();

        var draft = new Proposals(this, document, year);
        foreach (var paragraph in Paragraphs(lines, layout))
            draft.Add(paragraph);
        return new ImportedGuidance
        {
            Document = document,
            Year = year,
            Paragraphs = draft.Paragraphs,
            Dates = draft.Dates,
            Passages = draft.Passages,
            Facts = draft.Facts,
            Checklist = draft.Checklist,
            Calendar = draft.Calendar,
            Missing = missing,
        };
    }

    // ---- Layout: header lines, the title, the body, the closing ----

    /// <param name="KindLine">The line that is the kind in capitals ("HƯỚNG DẪN"), or -1.</param>
    /// <param name="TitleLine">The title's line, or -1 when none was recognised (then the body starts at line 0).</param>
    /// <param name="BodyEnd">The first line of the closing (recipients, signature), or the line count.</param>
    private sealed record LayoutInfo(int KindLine, int TitleLine, string? TitleText, int BodyStart, int BodyEnd);

    private LayoutInfo Layout(IReadOnlyList<string> lines)
    {
        int kindLine = -1, titleLine = -1;
        string? titleText = null;
        var first = Math.Min(lines.Count, 15);
        for (var i = 0; i < first && kindLine < 0; i++)
        {
            // "HƯỚNG DẪN" alone, the title on the next line; or "HƯỚNG DẪN Công tác …" on one line.
            if (!_kindNames.StartsAt(lines[i], 0, out var end) || !TextSpans.IsUpper(lines[i][..end])) continue;
            kindLine = i;
            var rest = lines[i][end..].Trim(' ', ':', '-');
            if (rest.Length > 0) (titleLine, titleText) = (i, rest);
            else if (i + 1 < lines.Count) (titleLine, titleText) = (i + 1, lines[i + 1]);
        }
        if (titleLine < 0)
        {
            // Without a kind line: the first line of some length that is no sentence and no header line.
            for (var i = 0; i < Math.Min(lines.Count, 8) && titleLine < 0; i++)
            {
                var line = lines[i];
                if (TextSpans.Words(line, 0, line.Length).Count() >= 6 && line[^1] is not ('.' or ';' or ':' or ',')
                    && !_national.StartsAt(line, 0, out _) && !_numberLabels.StartsAt(line, 0, out _))
                    (titleLine, titleText) = (i, line);
            }
        }
        var bodyStart = titleLine + 1;
        var bodyEnd = lines.Count;
        for (var i = bodyStart; i < lines.Count; i++)
            if (_closing.StartsAt(lines[i], 0, out _)) { bodyEnd = i; break; }
        // Trailing short lines that are no sentences: the signature ("KT. GIÁM ĐỐC", a name, the issuing office).
        while (bodyEnd > bodyStart + 1 && IsClosingLine(lines[bodyEnd - 1])) bodyEnd--;
        return new LayoutInfo(kindLine, titleLine, titleText is null ? null : SentenceCase(titleText), bodyStart, bodyEnd);
    }

    private bool IsClosingLine(string line) =>
        TextSpans.Words(line, 0, line.Length).Count() < 15 && line[^1] is not ('.' or ';' or ':' or '!' or '?' or '…' or '”' or '"')
        && !_heading.IsMatch(line);

    // ---- The header: number, kind, issue date, issuer ----

    private sealed record HeaderInfo(string? Number, ImportWording.DocumentKind? Kind, DateOnly? Issued, string? Issuer, string? Title);

    private HeaderInfo ReadHeader(IReadOnlyList<string> lines, LayoutInfo layout)
    {
        var headerEnd = layout.KindLine >= 0 ? layout.KindLine : Math.Max(layout.TitleLine, 0);
        var header = lines.Take(headerEnd).ToList();
        // The first paragraphs of the body tell of the document when the text is an article about it.
        var opening = lines.Skip(layout.BodyStart).Take(3).Prepend(layout.TitleText ?? "").ToList();
        var titleKind = layout.KindLine >= 0 && _kindNames.StartsAt(lines[layout.KindLine], 0, out var kindEnd)
            ? KindNamed(lines[layout.KindLine][..kindEnd]) : null;

        string? number = null, issuer = null;
        DateOnly? issued = null;
        ImportWording.DocumentKind? kind = titleKind;
        // "Số: 15/HD-CAT-PV05" on a header line.
        foreach (var line in header)
            foreach (var label in _numberLabels.FindAll(line))
                if (number is null && NumberAt(line, label.End, colon: true) is { } n) number = n;
        // "…, ngày 05 tháng 01 năm 2026" or "…, ngày 11/02/2021" on a header line.
        foreach (var line in header)
            if (issued is null && _dates.Find(line, 2000).FirstOrDefault(m => m.YearWritten && AfterDayWord(line, m)) is { } date)
                issued = date.Date;
        // The issuer: the first line in capitals that is not the national header, a number or a date.
        foreach (var line in header)
            if (issuer is null && TextSpans.IsUpper(line) && !_national.StartsAt(line, 0, out _) && !_numberLabels.StartsAt(line, 0, out _)
                && _dates.Find(line, 2000).Count == 0)
                issuer = Recase(line);

        // "Ngày 11/02/2021, Công an tỉnh đã ban hành Hướng dẫn số 413/HD-CAT-PV05 …": number, kind, date and issuer.
        foreach (var paragraph in opening)
        {
            foreach (var cue in _issuedCues.FindAll(paragraph))
            {
                var at = Skip(paragraph, cue.End);
                if (!_kindNames.StartsAt(paragraph, at, out var end)) continue;
                var named = KindNamed(paragraph[at..end]);
                at = Skip(paragraph, end);
                if (_numberWords.StartsAt(paragraph, at, out var afterWord)) at = Skip(paragraph, afterWord);
                if (NumberAt(paragraph, at, colon: false) is not { } found) continue;
                if (number is not null && number != found) continue;
                number ??= found;
                kind ??= named;
                var sentence = TextSpans.Sentences(paragraph).First(s => s.Contains(cue.Start));
                issued ??= _dates.Find(sentence.Of(paragraph), 2000).Where(m => m.YearWritten)
                    .OrderBy(m => Math.Abs(sentence.Start + m.Span.Start - cue.Start)).FirstOrDefault()?.Date;
                issuer ??= IssuerBefore(paragraph, sentence, cue.Start);
                goto found;
            }
        }
        found:
        // Else the first number of the title's kind ("…/HD-…" for a "HƯỚNG DẪN").
        if (number is null && titleKind is not null)
            number = header.Concat(opening).SelectMany(l => NumberPattern().Matches(l)).Select(m => m.Value)
                .FirstOrDefault(n => KindOf(n) == titleKind);
        return new HeaderInfo(number, kind, issued, issuer, layout.TitleText);
    }

    /// <summary>A document number at <paramref name="at"/>, after a colon when <paramref name="colon"/> allows one.</summary>
    private static string? NumberAt(string text, int at, bool colon)
    {
        var m = (colon ? LabelledNumber() : NumberPattern()).Match(text, Math.Min(at, text.Length));
        return m.Success && m.Index == at ? m.Groups["n"].Value : null;
    }

    private static int Skip(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
        return at;
    }

    private bool AfterDayWord(string line, DateMatch date)
    {
        var before = Token.Split(line[..date.Span.Start]);
        var written = Token.Split(date.Written);
        var days = _vocabulary.Dates.DayWords;
        return (before.Count > 0 && days.Contains(before, before.Count - 1)) || (written.Count > 0 && days.Contains(written, 0));
    }

    /// <summary>The words between the last comma before <paramref name="cue"/> and it, without fillers ("Công an tỉnh").</summary>
    private string? IssuerBefore(string text, Span sentence, int cue)
    {
        var start = text.LastIndexOf(',', cue - 1, cue - sentence.Start);
        var words = TextSpans.Words(text, start < 0 ? sentence.Start : start + 1, cue).ToList();
        while (words.Count > 0 && _fillers.IsExactly(words[^1].Of(text))) words.RemoveAt(words.Count - 1);
        return words.Count == 0 ? null : text[words[0].Start..words[^1].End];
    }

    private ImportWording.DocumentKind? KindNamed(string name) =>
        _w.Kinds.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The kind whose abbreviation a number carries ("413/HD-CAT-PV05" → HD).</summary>
    private ImportWording.DocumentKind? KindOf(string? number)
    {
        if (number is null) return null;
        var code = number.Split('/')[^1].Split('-', '–')[0];
        return _w.Kinds.FirstOrDefault(k => string.Equals(k.Abbreviation, code, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"năm 2026" in the title: the last year named there.</summary>
    private int? YearOf(string? title)
    {
        if (title is null) return null;
        var tokens = Token.Split(title);
        int? year = null;
        for (var i = 0; i + 1 < tokens.Count; i++)
            if (_vocabulary.Dates.YearWords.Contains(tokens, i) && tokens[i + 1].IsDigits && tokens[i + 1].Folded.Length == 4
                && int.Parse(tokens[i + 1].Folded, CultureInfo.InvariantCulture) is >= 1900 and <= 2200 and var y)
                year = y;
        return year;
    }

    /// <summary>When nothing names the year: the year most of the text's dates are in.</summary>
    private int? CommonYear(IReadOnlyList<string> lines) =>
        lines.SelectMany(l => _dates.Find(l, 2000)).Where(d => d.YearWritten).GroupBy(d => d.Date.Year)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();

    // ---- Paragraphs with their parts ----

    private sealed record Paragraph(string Text, string Role, string Part, string? Heading, int Number);

    private IEnumerable<Paragraph> Paragraphs(IReadOnlyList<string> lines, LayoutInfo layout)
    {
        for (var i = 0; i < layout.BodyStart; i++)
            yield return new Paragraph(lines[i], i == layout.TitleLine ? SourceParagraph.Title : SourceParagraph.Header, _w.Parts.Header, null, 0);
        var headings = new List<(int Level, string Marker, string Text)>();
        var n = 0;
        for (var i = layout.BodyStart; i < layout.BodyEnd; i++)
        {
            var line = lines[i];
            var m = _heading.Match(line);
            if (m.Success)
            {
                var level = m.Groups["roman"].Success || m.Groups["word"].Success ? 1
                    : m.Groups["num"].Success ? 2 + m.Groups["num"].Value.Count(c => c == '.') - (m.Groups["num"].Value.EndsWith('.') ? 1 : 0)
                    : 5;
                headings.RemoveAll(h => h.Level >= level);
                var rest = line[m.Length..].Trim(' ', ':', '.', '-');
                headings.Add((level, m.Value.TrimEnd(':'), SentenceCase(rest)));
                var words = TextSpans.Words(rest, 0, rest.Length).Count();
                if (words <= 6 || (words <= 15 && line[^1] is not ('.' or ';')))
                {
                    yield return new Paragraph(line, SourceParagraph.Heading, Part(), null, 0);
                    continue;
                }
            }
            n++;
            // A numbered paragraph's number is its part ("II. 3."): the passage is the text after it.
            var body = m.Success ? char.ToUpperInvariant(line[m.Length..].TrimStart()[0]) + line[m.Length..].TrimStart()[1..] : line;
            yield return new Paragraph(body, SourceParagraph.Body, Part(), headings.Count > 0 ? headings[^1].Text : null, n);
        }
        for (var i = layout.BodyEnd; i < lines.Count; i++)
            yield return new Paragraph(lines[i], SourceParagraph.Closing, _w.Parts.Closing, null, 0);

        string Part() => headings.Count > 0
            ? string.Join(' ', headings.Select(h => h.Marker))
            : Render("parts.paragraph", _w.Parts.Paragraph, new() { ["n"] = n });
    }

    // ---- The document's id and aliases ----

    private static string DocumentId(ImportWording.DocumentKind kind, string? number, int year)
    {
        var code = Ascii(kind.Abbreviation).ToUpperInvariant();
        var shortNumber = number?.Split('/')[0];
        var id = string.IsNullOrWhiteSpace(shortNumber) ? $"{code}-{year}" : $"{code}-{shortNumber}-{year}";
        return NonSlug().Replace(Ascii(id), "-").Trim('-');
    }

    private IReadOnlyList<string> Aliases(ImportWording.DocumentKind kind, string? number, int year)
    {
        var model = new Dictionary<string, object?>
        {
            ["kind"] = kind.Name, ["kind_folded"] = VietnameseText.Fold(kind.Name), ["abbreviation"] = kind.Abbreviation,
            ["short"] = number?.Split('/')[0] ?? "", ["number"] = number ?? "", ["number_folded"] = number is null ? "" : Ascii(number),
            ["year"] = year,
        };
        // Without a number, only the aliases that do not name it.
        return _w.Aliases.Select((a, i) => (Source: a, Key: $"aliases[{i}]"))
            .Where(a => number is not null || !(a.Source.Contains("short", StringComparison.Ordinal) || a.Source.Contains("number", StringComparison.Ordinal)))
            .Select(a => Render(a.Key, a.Source, model)).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    // ---- Shared helpers ----

    /// <summary>Renders a template of import.json (parsed and checked when the content loaded).</summary>
    internal string Render(string key, string template, Dictionary<string, object?> model) =>
        TextSpans.Spaces().Replace(_templates.RenderInline(ImportWording.File, key, template, model), " ").Trim();

    /// <summary>"CÔNG AN TỈNH BÌNH DƯƠNG" → "Công an tỉnh Bình Dương": lower case, proper names as listed, place names capitalised.</summary>
    private string Recase(string line)
    {
        var text = SentenceCase(line);
        var sb = new StringBuilder(text);
        foreach (var name in _w.Header.ProperNames)
            for (var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.OrdinalIgnoreCase))
                if (Cues.WordStart(text, at)) { sb.Remove(at, name.Length); sb.Insert(at, name); }
        text = sb.ToString();
        var places = new Cues(_w.Header.PlaceWords).FindAll(text);
        if (places.Count == 0) return text;
        var after = places[0].End;
        return text[..after] + CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text[after..]);
    }

    /// <summary>A line in capitals in sentence case; any other as it is.</summary>
    internal static string SentenceCase(string text) =>
        TextSpans.IsUpper(text) ? TextSpans.Capitalized(text.ToLower(CultureInfo.InvariantCulture)) : text;

    /// <summary>Without diacritics (đ → d), keeping case and punctuation: "411/KH-BCĐ-CAT" → "411/KH-BCD-CAT".</summary>
    internal static string Ascii(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A document number: "413/HD-CAT-PV05", "124/2021/TT-BCA", "1383/QĐ-BCĐ".</summary>
    [GeneratedRegex(@"(?<n>(?<![\p{L}\d/])\d{1,5}(?:/\d{4})?/\p{Lu}[\p{Lu}\d]*(?:[-–][\p{Lu}\d]+)*)")]
    internal static partial Regex NumberPattern();

    [GeneratedRegex(@"\s*:?\s*(?<n>(?<![\p{L}\d/])\d{1,5}(?:/\d{4})?/\p{Lu}[\p{Lu}\d]*(?:[-–][\p{Lu}\d]+)*)")]
    private static partial Regex LabelledNumber();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NonSlug();
}
