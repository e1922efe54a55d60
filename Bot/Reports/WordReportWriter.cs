using AnToan.Dialogs.Units;
using AnToan.Knowledge;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Reports;

/// <summary>What the Word report takes from the configuration (section <c>Report</c>).</summary>
public sealed class ReportDocumentOptions
{
    /// <summary>Report:Place — the place name before the date line ("Hà Nội, ngày …"). Default "": the date alone.</summary>
    public string Place { get; set; } = "";
}

/// <summary>Lays a unit's report out as a Word document in the usual administrative form: the unit and the national
/// header side by side, place and date, title, tables of items and criteria, the gaps, and the signature block.</summary>
/// <remarks>Wording comes from report.json; user answers are inserted as text runs, never parsed as templates.</remarks>
public sealed class WordReportWriter(KnowledgeStore knowledge, IOptions<ReportDocumentOptions> options)
{
    private const string Font = "Times New Roman";

    /// <summary>The width of the tables in twentieths of a point: the A4 page inside its margins.</summary>
    private const int TableWidth = 9355;

    /// <summary>About the width of one character of the tables' 11 pt Times New Roman, and a cell's side margins.</summary>
    private const int CharWidth = 110, CellPadding = 230;

    /// <summary>Longer words (a link in a note) may wrap rather than widen their column.</summary>
    private const int LongestWord = 16;

    public (string FileName, byte[] Content) Write(UnitReport report)
    {
        var content = knowledge.Current;
        var wording = content.Part<ReportWording>();
        var model = new
        {
            Unit = new { report.Unit.Name, Type = report.UnitType, report.Unit.Headcount },
            Date = new { report.Date.Day, report.Date.Month, report.Date.Year },
            Year = report.Year ?? report.Date.Year,
            Place = options.Value.Place.Trim(),
        };
        string Render(string key, string source) => content.Templates.RenderInline(ReportWording.File, key, source, model);

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DefaultStyles();
            var body = new Body();
            body.Append(Layout(
                [Para(Render("unitLine", wording.UnitLine), JustificationValues.Center, bold: true)],
                [
                    Para(wording.NationalHeader, JustificationValues.Center, bold: true, size: 24),
                    Para(wording.Motto, JustificationValues.Center, bold: true, underline: true),
                    Para(Render("placeDate", wording.PlaceDate), JustificationValues.Center, italic: true),
                ]));
            body.Append(Para(""), Para(wording.Title, JustificationValues.Center, bold: true, size: 28),
                Para(Render("subtitle", wording.Subtitle), JustificationValues.Center, bold: true), Para(""),
                Para(Render("intro", wording.Intro)));

            body.Append(Heading(wording.ChecklistHeading));
            body.Append(Grid(wording.ChecklistColumns, report.Checklist.Select((r, i) =>
                new[] { (i + 1).ToString(), r.Title, r.Due ?? "", r.Status ?? wording.Unanswered, r.Date ?? "", r.Note ?? "", r.AnsweredBy ?? "" })));
            body.Append(Heading(wording.AssessmentHeading));
            body.Append(Grid(wording.AssessmentColumns, report.Assessment.Select((r, i) =>
                new[] { (i + 1).ToString(), r.Title, r.Status ?? wording.Unanswered, r.Note ?? "", r.AnsweredBy ?? "" })));
            body.Append(Heading(wording.GapsHeading));
            if (report.Gaps.Count == 0) body.Append(Para(wording.NoGaps));
            foreach (var gap in report.Gaps)
            {
                var state = gap.Due is null ? gap.Status ?? wording.Unanswered : $"{gap.Status ?? wording.Unanswered}, {wording.GapDue} {gap.Due}";
                body.Append(Para(gap.Remedy is null ? $"- {gap.Title} ({state})" : $"- {gap.Title} ({state}): {gap.Remedy}"));
            }
            body.Append(Para(wording.RecognitionNote, italic: true), Para(""));

            body.Append(Layout(
                [.. wording.Recipients.Select((line, i) => Para(line, bold: i == 0, italic: i == 0, size: 22))],
                [Para(wording.SignatureTitle, JustificationValues.Center, bold: true), Para(wording.SignatureHint, JustificationValues.Center, italic: true)]));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 850U, Bottom = 1134, Left = 1701U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
        }
        return (Render("fileName", wording.FileName), stream.ToArray());
    }

    private static Styles DefaultStyles() => new(new DocDefaults(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
            new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" }, new Languages { Val = "vi-VN" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));

    private static Paragraph Para(string text, JustificationValues? align = null, bool bold = false, bool italic = false, bool underline = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold) properties.Bold = new Bold();
        if (italic) properties.Italic = new Italic();
        if (size is { } s) properties.FontSize = new FontSize { Val = s.ToString() };
        if (underline) properties.Underline = new Underline { Val = UnderlineValues.Single };
        var paragraph = new Paragraph();
        if (align is { } a) paragraph.ParagraphProperties = new ParagraphProperties { Justification = new Justification { Val = a } };
        // Control characters are not allowed in XML; an answer typed with one must not break the document.
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        paragraph.Append(new Run(properties, new Text(clean) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>A section heading, set off from the table above it.</summary>
    private static Paragraph Heading(string text)
    {
        var heading = Para(text, bold: true);
        heading.PrependChild(new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120" }));
        return heading;
    }

    /// <summary>Two side-by-side blocks without borders (header, signature).</summary>
    private static Table Layout(IReadOnlyList<Paragraph> left, IReadOnlyList<Paragraph> right)
    {
        var table = new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = "3800" }, new GridColumn { Width = "5600" }));
        table.Append(new TableRow(Cell(left, 3800), Cell(right, 5600)));
        return table;
    }

    /// <summary>A bordered table with a bold header row, its columns as wide as their content needs.</summary>
    private static Table Grid(IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        var cells = rows.ToList();
        var widths = ColumnWidths(columns, cells);
        var table = new Table(new TableProperties(
            new TableWidth { Width = TableWidth.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(),
                Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        table.Append(new TableRow(columns.Select((c, i) => Cell([Para(c, JustificationValues.Center, bold: true, size: 22)], widths[i]))));
        foreach (var row in cells)
            table.Append(new TableRow(row.Select((v, i) => Cell([Para(v, size: 22)], widths[i]))));
        return table;
    }

    /// <summary>Each column gets room for its longest word (a date or a number is never broken), and the width left
    /// is shared by how much text the columns hold on average: the task column wide, numbers and dates narrow.</summary>
    internal static int[] ColumnWidths(IReadOnlyList<string> columns, IReadOnlyList<string[]> rows)
    {
        var texts = columns.Select((header, i) => rows.Select(r => r[i]).Prepend(header).ToList()).ToList();
        var least = texts.Select(t => Math.Min(LongestWord, t.SelectMany(v => v.Split(' ')).Max(w => w.Length)) * CharWidth + CellPadding).ToArray();
        var bulk = texts.Select(t => Math.Max(0, t.Skip(1).DefaultIfEmpty("").Average(v => v.Length) * CharWidth + CellPadding)).ToArray();
        var extra = bulk.Select((b, i) => Math.Max(0, b - least[i])).ToArray();
        var room = TableWidth - least.Sum();
        var widths = room <= 0 || extra.Sum() == 0
            ? least.Select(l => l * TableWidth / Math.Max(1, least.Sum())).ToArray()
            : least.Select((l, i) => l + (int)(room * extra[i] / extra.Sum())).ToArray();
        widths[Array.IndexOf(widths, widths.Max())] += TableWidth - widths.Sum();
        return widths;
    }

    private static T Border<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4U };

    private static TableCell Cell(IEnumerable<Paragraph> paragraphs, int width)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        if (!cell.Elements<Paragraph>().Any()) cell.Append(new Paragraph());
        return cell;
    }
}
