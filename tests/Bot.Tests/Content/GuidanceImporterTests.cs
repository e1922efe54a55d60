using System.Text;
using AnToan.Bot.Content;
using AnToan.Bot.Hosting;
using AnToan.Knowledge;
using AnToan.Knowledge.Model;

namespace AnToan.Bot.Tests.Content;

/// <summary>The import of a guidance document into a draft: the seed text of 2021 and a .docx for 2026.</summary>
public sealed class GuidanceImporterTests
{
    internal static readonly Lazy<KnowledgeContent> Shipped = new(() => ImportContent.Load(Path.Combine(AppContext.BaseDirectory, "Content")));

    internal static ImportedGuidance Import(byte[] file, string name, ImportOverrides? overrides = null) =>
        GuidanceImporter.Import(new MemoryStream(file), name, overrides ?? new ImportOverrides(), Shipped.Value);

    private static ImportedGuidance Seed() =>
        Import(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "ImportData", "hd413-2021.txt")), "hd413.txt");

    private static readonly DateOnly Deadline2026 = new(2026, 12, 18);

    private static ImportedGuidance Guidance2026() => Import(DocxBuilder.Create(DocxBuilder.Guidance(2026, Deadline2026)), "hd15-2026.docx");

    [Fact]
    public void TheSeedText_GivesItsNumberYearDatesAndTarget()
    {
        var draft = Seed();

        Assert.Equal("413/HD-CAT-PV05", draft.Document.Number);
        Assert.Equal("Hướng dẫn", draft.Document.Kind);
        Assert.Equal(2021, draft.Year);
        Assert.Equal(2021, draft.Document.Year);
        Assert.Equal("2021-02-11", draft.Document.Date);
        Assert.Equal("Công an tỉnh", draft.Document.Issuer);
        Assert.Equal("HD-413-2021", draft.Document.Id);
        Assert.Contains("hướng dẫn 413", draft.Document.Aliases!);
        Assert.Contains("huong dan 413", draft.Document.Aliases!);
        Assert.Contains("HD 413", draft.Document.Aliases!);
        var dates = draft.Dates.Select(d => d.Date).ToHashSet();
        foreach (var date in new[] { "2021-02-11", "2021-12-01", "2017-05-25", "2020-11-10" })
            Assert.Contains(date, dates);
        var deadline = Assert.Single(draft.Dates, d => d.Date == "2021-12-01");
        Assert.Contains("hồ sơ đề nghị công nhận", deadline.Sentence);
        Assert.Equal("đoạn 8", deadline.Part);

        var target = Assert.Single(draft.Facts, f => f.Type == "number");
        Assert.Contains("90%", target.Answer);
        Assert.Equal("đoạn 2", target.Source.Part);
        var due = Assert.Single(draft.Facts, f => f.Type == "date");
        Assert.Equal("2021-12-01", due.Date);
        Assert.Contains(draft.Checklist, i => i.Due == "2021-12-01");
        Assert.Contains(draft.Facts, f => f.Type == "actor" && f.Answer.Contains("Công an các đơn vị"));
        Assert.Equal(9, draft.Passages.Count);
        Assert.All(draft.Passages, p => Assert.NotEmpty(p.Paraphrases!));
    }

    [Fact]
    public void ADocxFor2026_GivesTheDocumentDeadlineTargetRecipientChecklistAndCalendar()
    {
        var draft = Guidance2026();

        Assert.Equal("15/HD-CAT-PV05", draft.Document.Number);
        Assert.Equal(2026, draft.Year);
        Assert.Equal("2026-01-05", draft.Document.Date);
        Assert.Equal("Công an tỉnh Bình Dương", draft.Document.Issuer);
        Assert.StartsWith("Công tác xây dựng phong trào", draft.Document.Subject);
        Assert.Empty(draft.Missing);

        var deadline = Assert.Single(draft.Facts, f => f.Type == "date");
        Assert.Equal("2026-12-18", deadline.Date);
        Assert.Contains(deadline.Paraphrases!, p => p.StartsWith("hạn nộp hồ sơ", StringComparison.Ordinal));
        var target = Assert.Single(draft.Facts, f => f.Type == "number");
        Assert.Contains("92%", target.Answer);
        Assert.Contains("phấn đấu bao nhiêu phần trăm", target.Paraphrases!);
        var actor = Assert.Single(draft.Facts, f => f.Type == "actor");
        Assert.Contains("Công an cấp xã", actor.Answer);
        Assert.Contains(actor.Paraphrases!, p => p.Contains("thẩm định"));

        var task = Assert.Single(draft.Checklist, i => i.Due == "2026-12-18");
        Assert.StartsWith("Hoàn thành hồ sơ", task.Title);
        Assert.Contains(draft.Checklist, i => i.Title.StartsWith("Ban hành Nghị quyết", StringComparison.Ordinal) && i.Due is null);

        var entry = Assert.Single(draft.Calendar, e => e.Category == "deadline");
        Assert.Equal("2026-12-18", entry.Date);
        Assert.False(entry.Recurring);
        Assert.Equal([30, 7, 1], entry.LeadDays);
        var day = Assert.Single(draft.Calendar, e => e.Recurring);
        Assert.Equal((8, 19), (day.Month!.Value, day.Day!.Value));
        Assert.Equal("Ngày hội toàn dân bảo vệ an ninh Tổ quốc", day.Title);
        Assert.Contains(draft.Dates, d => d.Date == "2026-08-19" && !d.YearWritten);

        // Parts follow the headings; the closing (recipients, signature) is no passage.
        Assert.Equal("II. 3.", deadline.Source.Part);
        Assert.DoesNotContain(draft.Passages, p => p.Text.Contains("GIÁM ĐỐC") || p.Text.StartsWith("Nơi nhận"));
        Assert.All(draft.Facts, f => Assert.Contains(draft.Passages, p => p.Id == f.Passage));
    }

    [Fact]
    public void Overrides_WinOverWhatIsRead()
    {
        var draft = Import(DocxBuilder.Create(DocxBuilder.Guidance(2026, Deadline2026)), "g.docx",
            new ImportOverrides(Year: 2027, Number: "99/HD-CAT-PV05", Issuer: "Công an tỉnh X", Issued: new DateOnly(2027, 1, 2), Title: "Tiêu đề"));

        Assert.Equal((2027, "99/HD-CAT-PV05", "Công an tỉnh X", "2027-01-02", "Tiêu đề"),
            (draft.Year, draft.Document.Number, draft.Document.Issuer, draft.Document.Date, draft.Document.Subject));
        Assert.Equal("HD-99-2027", draft.Document.Id);
        // A day and month without a year is in the guidance's year.
        Assert.Contains(draft.Dates, d => d.Date == "2027-08-19");
    }

    [Fact]
    public void Markdown_IsReadWithoutItsMarks()
    {
        var md = "# HƯỚNG DẪN\n\nCông tác xây dựng phong trào năm 2026\n\n## I. NỘI DUNG\n\n- **Hoàn thành** hồ sơ đề nghị công nhận trước ngày 5 tháng 11 năm 2026.\n";
        var draft = Import(Encoding.UTF8.GetBytes(md), "g.md");

        Assert.Equal(2026, draft.Year);
        Assert.Contains(draft.Paragraphs, p => p.Text == "Hoàn thành hồ sơ đề nghị công nhận trước ngày 5 tháng 11 năm 2026.");
        Assert.Equal("2026-11-05", Assert.Single(draft.Checklist).Due);
        Assert.Equal("I.", Assert.Single(draft.Checklist).Source.Part);
    }

    [Fact]
    public void ABrokenDocx_IsBroken_WithAReason()
    {
        var e = Assert.Throws<ImportException>(() => Import(Encoding.UTF8.GetBytes("not a zip at all"), "g.docx"));
        Assert.Equal(ImportProblem.Broken, e.Problem);
        Assert.Contains(".docx", e.Message);
        var truncated = DocxBuilder.Create("Hướng dẫn")[..200];
        Assert.Equal(ImportProblem.Broken, Assert.Throws<ImportException>(() => Import(truncated, "g.docx")).Problem);
    }

    [Fact]
    public void AnotherType_IsUnsupported_AndNoText_IsEmpty()
    {
        var pdf = Assert.Throws<ImportException>(() => Import("%PDF-1.4"u8.ToArray(), "g.pdf"));
        Assert.Equal(ImportProblem.UnsupportedType, pdf.Problem);
        Assert.Contains(".pdf", pdf.Message);
        Assert.Equal(ImportProblem.Empty, Assert.Throws<ImportException>(() => Import([], "g.txt")).Problem);
        Assert.Equal(ImportProblem.Empty, Assert.Throws<ImportException>(() => Import(DocxBuilder.Create("", "  "), "g.docx")).Problem);
        Assert.Equal(ImportProblem.Broken, Assert.Throws<ImportException>(() => Import([0xC3, 0x28, 0xFF], "g.txt")).Problem);
    }

    [Fact]
    public void TheDrafts_PassTheContentValidator_WhenAddedToTheShippedContent()
    {
        foreach (var draft in new[] { Seed(), Guidance2026() })
        {
            var root = ImportContent.AddToCopy(draft);
            try
            {
                var content = ImportContent.Load(root);
                Assert.Contains(content.Documents, d => d.Id == draft.Document.Id);
                Assert.Equal(draft.Facts.Count, content.Facts.Count(f => f.Source.Document == draft.Document.Id));
                var ids = draft.Passages.Select(p => p.Id).Concat(draft.Facts.Select(f => f.Id)).Concat(draft.Checklist.Select(c => c.Id));
                Assert.Equal(ids.Count(), ids.Distinct().Count());
            }
            finally { Directory.Delete(root, true); }
        }
    }
}
