using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AnToan.Bot.Admin;

/// <summary>A percentage cell: <see cref="Value"/> 0-100, shown as "42%".</summary>
public readonly record struct Percent(double Value);

/// <summary>Writes plain tables as an .xlsx workbook: a bold, frozen, filterable header row over the data rows.</summary>
/// <remarks>Written with the OpenXml SDK that the Word reports use. ClosedXML 0.95.4 was the first choice but is
/// built against OpenXml 2.x: next to OpenXml 3.3.0 its XLWorkbook type initializer throws InvalidProgramException,
/// and one process can load only one OpenXml.</remarks>
public sealed class XlsxWriter
{
    private const uint BoldStyle = 1;
    private const uint PercentStyle = 2;
    private const uint TextStyle = 3;

    private readonly List<(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)> _sheets = [];

    /// <param name="rows">Cells: string, number, <see cref="Percent"/> or null.</param>
    public XlsxWriter Sheet(string name, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        _sheets.Add((name, columns, rows.ToList()));
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, columns, rows) in _sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(columns, rows);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = SheetName(name) });
            }
        }
        return stream.ToArray();
    }

    private static Worksheet Worksheet(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        var widths = columns.Select((c, i) => Math.Min(60, Math.Max(c.Length, rows.Count == 0 ? 0 : rows.Max(r => Shown(r.ElementAtOrDefault(i)).Length)) + 2)).ToList();
        var data = new SheetData();
        data.Append(Row(1, columns.Select(c => (object?)c).ToArray(), header: true));
        for (var r = 0; r < rows.Count; r++) data.Append(Row((uint)r + 2, rows[r], header: false));
        var lastCell = $"{ColumnName(columns.Count - 1)}{rows.Count + 1}";
        return new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }),
            new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
            data,
            new AutoFilter { Reference = $"A1:{lastCell}" });
    }

    private static Row Row(uint index, object?[] values, bool header)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Length; i++)
        {
            var reference = $"{ColumnName(i)}{index}";
            row.Append(values[i] switch
            {
                null => new Cell { CellReference = reference },
                Percent p => new Cell { CellReference = reference, CellValue = new CellValue(p.Value / 100), DataType = CellValues.Number, StyleIndex = PercentStyle },
                int n => new Cell { CellReference = reference, CellValue = new CellValue(n), DataType = CellValues.Number },
                long n => new Cell { CellReference = reference, CellValue = new CellValue(n.ToString(System.Globalization.CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                double d => new Cell { CellReference = reference, CellValue = new CellValue(d), DataType = CellValues.Number },
                var other => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(NoFormula(Clean(other.ToString() ?? ""))) { Space = SpaceProcessingModeValues.Preserve }),
                    StyleIndex = header ? BoldStyle : TextStyle,
                },
            });
        }
        return row;
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true }, // built-in "0%"
            new CellFormat { Alignment = new Alignment { WrapText = false, Vertical = VerticalAlignmentValues.Top }, ApplyAlignment = true })
        { Count = 4 });

    private static string Shown(object? value) => value switch
    {
        null => "",
        Percent p => $"{p.Value:0}%",
        _ => value.ToString() ?? "",
    };

    /// <summary>Control characters are not allowed in XML: an answer typed with one must not break the workbook.</summary>
    private static string Clean(string text) =>
        text.Any(char.IsControl) ? new string(text.Select(c => char.IsControl(c) && c is not '\n' and not '\t' ? ' ' : c).ToArray()) : text;

    /// <summary>Text that a spreadsheet could take for a formula (= + - @, or a tab or line break before one) once
    /// someone edits the cell or saves the sheet as CSV gets a leading apostrophe, as Excel itself shows typed text.</summary>
    private static string NoFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' ? "'" + text : text;

    /// <summary>Excel's limits: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
