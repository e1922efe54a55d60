using System.Net;
using AnToan.Bot.Admin;
using AnToan.Dialogs.Flows;
using AnToan.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Admin;

/// <summary>The Excel export, opened again and read row by row.</summary>
public sealed class AdminExportTests
{
    [Fact]
    public async Task Export_HasARowPerUnit_AndTheSelfAssessmentResultsPerCriterion()
    {
        await using var admin = await AdminHost.StartAsync();
        var knowledge = admin.Host.App.Services.GetRequiredService<KnowledgeStore>();
        var content = knowledge.Current;
        var words = AdminWording.For(content);
        var t0 = AdminHost.Start.AddDays(-3);
        var school = admin.Sources.AddUnit("Trường Tiểu học Hoa Sen", "nha-truong", 25, t0, "Lan");
        var company = admin.Sources.AddUnit("Công ty Cổ phần \"Ánh Dương\" <HN>", "doanh-nghiep", 120, t0, "Hùng", "Mai");
        var schoolCriteria = AssessmentDialog.CriteriaFor(content, "nha-truong");
        admin.Sources.Answer(school, "assessment", schoolCriteria[0].Id, "met", t0.AddHours(2), "Lan", note: "Có biên bản\u0001 ký");
        admin.Sources.Answer(school, "assessment", schoolCriteria[1].Id, "partial", t0.AddHours(3), "Lan");
        admin.Sources.Answer(school, "checklist", content.Checklist[0].Id, "done", t0.AddHours(1), "Lan");
        using var client = admin.KeyClient();

        var response = await client.GetAsync("/api/admin/export/units.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(UnitsExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("antoan-don-vi-2021-06-08.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var book = Xlsx.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal([words.Export.UnitsSheet, words.Export.AssessmentSheet, words.Export.ChecklistSheet], book.Keys);
        var units = book[words.Export.UnitsSheet];
        Assert.Equal(words.Export.UnitsColumns, units[0]);
        Assert.Equal(3, units.Count);
        var companyRow = units.Single(r => r[0] == company.Name);
        Assert.Equal(words.UnitTypes["doanh-nghiep"], companyRow[1]);
        Assert.Equal(["120", "2", "0", content.Checklist.Count.ToString(), "0"], companyRow[2..7]);
        Assert.Equal(words.UnitStatus["not-started"], companyRow[11]);
        var schoolRow = units.Single(r => r[0] == school.Name);
        Assert.Equal(["1", content.Checklist.Count.ToString()], schoolRow[4..6]);
        Assert.InRange(double.Parse(schoolRow[6], System.Globalization.CultureInfo.InvariantCulture) - 1.0 / content.Checklist.Count, -0.001, 0.001); // a fraction, shown as %
        Assert.Equal(["1", "2", schoolCriteria.Count.ToString()], schoolRow[7..10]);
        Assert.Equal(words.UnitStatus["in-progress"], schoolRow[11]);
        Assert.Equal("2021-06-05 13:00", schoolRow[12]); // last answer, in Vietnam's time

        var assessment = book[words.Export.AssessmentSheet];
        Assert.Equal(words.Export.AssessmentColumns, assessment[0]);
        Assert.Equal(1 + schoolCriteria.Count + AssessmentDialog.CriteriaFor(content, "doanh-nghiep").Count, assessment.Count);
        var first = assessment.Single(r => r[0] == school.Name && r[2] == schoolCriteria[0].Id);
        Assert.Equal([schoolCriteria[0].Title, words.AssessmentStatus["met"], "Có biên bản  ký", "Lan"], first[3..7]);
        Assert.Equal(words.AssessmentStatus["partial"], assessment.Single(r => r[0] == school.Name && r[2] == schoolCriteria[1].Id)[4]);
        Assert.Equal(words.Unanswered, assessment.Single(r => r[0] == company.Name && r[2] == AssessmentDialog.CriteriaFor(content, "doanh-nghiep")[0].Id)[4]);

        var checklist = book[words.Export.ChecklistSheet];
        Assert.Equal(1 + 2 * content.Checklist.Count, checklist.Count);
        Assert.Equal(words.ChecklistStatus["done"], checklist.Single(r => r[0] == school.Name && r[2] == content.Checklist[0].Id)[5]);
    }

    [Fact]
    public async Task Export_PrefixesTextThatASpreadsheetWouldTakeForAFormula()
    {
        await using var admin = await AdminHost.StartAsync();
        var t0 = AdminHost.Start.AddDays(-3);
        var content = admin.Host.App.Services.GetRequiredService<KnowledgeStore>().Current;
        var unit = admin.Sources.AddUnit("=HYPERLINK(\"https://evil.example\",\"x\")", "nha-truong", 25, t0, "@SUM(A1)");
        admin.Sources.Answer(unit, "checklist", content.Checklist[0].Id, "done", t0.AddHours(1), "+cmd", note: "-2+3");
        using var client = admin.KeyClient();

        var book = Xlsx.Read(await client.GetByteArrayAsync("/api/admin/export/units.xlsx"));

        var cells = book.Values.SelectMany(sheet => sheet.Skip(1)).SelectMany(row => row).ToList();
        Assert.Contains("'=HYPERLINK(\"https://evil.example\",\"x\")", cells);
        Assert.Contains("'-2+3", cells);
        Assert.Contains("'+cmd", cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@');
    }
}
