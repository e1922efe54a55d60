using AnToan.Bot.Reports;
using AnToan.Bot.Tests.Content;
using AnToan.Dialogs.Units;
using AnToan.Knowledge;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Tests.Dialogs;

/// <summary>The Word report's layout, read back with DocumentFormat.OpenXml: columns as wide as their content, the
/// place in the date line from Report:Place, and headings set off from the tables above them.</summary>
public sealed class WordReportLayoutTests
{
    private static readonly KnowledgeStore Knowledge = new(Path.Combine(AppContext.BaseDirectory, "Content"),
        [AnToan.Dialogs.Engine.DialogWords.Part, AnToan.Dialogs.Recognizers.VietnameseVocabulary.Part, ReportWording.Part,
         AnToan.Bot.Admin.AdminWording.Part, AnToan.Bot.Content.ImportWording.Part]);

    private static ReportWording Wording => Knowledge.Current.Part<ReportWording>();

    private static WordprocessingDocument Write(string place)
    {
        var items = Knowledge.Current.Checklist;
        var report = new UnitReport(
            new Unit("u1", "Trường THCS Hòa Bình", "nha-truong", 40, "ABC123", DateTimeOffset.UnixEpoch), "nhà trường",
            new DateOnly(2021, 6, 15), 2021,
            [.. items.Select((item, i) => new ReportRow(item.Title, i % 2 == 0 ? "Đã làm" : null, i % 2 == 0 ? "05/03/2021" : null,
                i == 0 ? "Nghị quyết số 05" : null, i % 2 == 0 ? "An" : null, "01/12/2021"))],
            [new ReportRow("Tiêu chí 1", "Đạt", null, "Biên bản", "An")],
            [new ReportGap("Tiêu chí 2", null, "Bổ sung", null)]);
        var (_, content) = new WordReportWriter(Knowledge, Options.Create(new ReportDocumentOptions { Place = place })).Write(report);
        return WordprocessingDocument.Open(new MemoryStream(content), false);
    }

    private static Body Body(WordprocessingDocument document) => document.MainDocumentPart!.Document!.Body!;

    [Fact]
    public void Checklist_columns_are_as_wide_as_their_content_the_task_wide_numbers_and_dates_narrow()
    {
        using var document = Write("");
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var checklist = Body(document).Elements<Table>().First(t => t.InnerText.Contains(Wording.ChecklistColumns[1]));
        var widths = checklist.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!)).ToList();
        var columns = Wording.ChecklistColumns;
        int Width(string column) => widths[columns.ToList().IndexOf(column)];

        Assert.Equal(columns.Count, widths.Count);
        Assert.InRange(widths.Sum(), 9300, 9400);
        Assert.Equal(widths.Max(), Width(columns[1]));
        Assert.True(Width(columns[1]) > widths.Sum() / 3, string.Join(",", widths));
        Assert.Equal(widths.Min(), Width(columns[0]));
        Assert.True(Width(columns[2]) < Width(columns[1]) / 2, string.Join(",", widths));
        Assert.True(Width(columns[2]) >= 10 * 110, "a dd/MM/yyyy date fits on one line");
        // Every cell says the width of its column, so Word lays the table out as the grid says.
        foreach (var row in checklist.Elements<TableRow>())
            Assert.Equal(widths, row.Elements<TableCell>().Select(c => int.Parse(c.TableCellProperties!.TableCellWidth!.Width!.Value!)).ToList());
    }

    [Fact]
    public void Date_line_names_the_place_from_the_setting_and_only_the_date_without_it()
    {
        using (var document = Write("Hà Nội"))
            Assert.Contains(Body(document).Descendants<Paragraph>(), p => p.InnerText == "Hà Nội, ngày 15 tháng 6 năm 2021");
        using (var document = Write(""))
        {
            Assert.Contains(Body(document).Descendants<Paragraph>(), p => p.InnerText == "ngày 15 tháng 6 năm 2021");
            Assert.DoesNotContain(Body(document).Descendants<Paragraph>(), p => p.InnerText.StartsWith(", ngày"));
        }
    }

    [Fact]
    public void Section_headings_after_a_table_have_space_before_them()
    {
        using var document = Write("");
        foreach (var heading in new[] { Wording.AssessmentHeading, Wording.GapsHeading })
        {
            var paragraph = Body(document).Elements<Paragraph>().Single(p => p.InnerText == heading);
            Assert.IsType<Table>(paragraph.PreviousSibling());
            var before = paragraph.ParagraphProperties?.SpacingBetweenLines?.Before?.Value;
            Assert.True(before is not null && int.Parse(before) >= 200, heading);
        }
    }
}
