using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Flows;
using AnToan.Dialogs.Units;
using AnToan.Knowledge;

namespace AnToan.Bot.Admin;

/// <summary>The units table, the self-assessment results and the checklist answers as one Excel workbook.</summary>
public sealed class UnitsExport(UnitsDashboard report, KnowledgeStore knowledge, LocalClock clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="year">The guidance year exported; the one that applies today when null.</param>
    public (string FileName, byte[] Content) Write(int? year = null)
    {
        var content = knowledge.Current;
        var words = AdminWording.For(content);
        year = report.YearOr(year);
        var rows = report.Rows(year).OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        var answers = report.Answers().ToLookup(a => a.UnitId);
        string Type(UnitRow u) => AdminWording.Label(words.UnitTypes, u.Type);

        var units = rows.Select(u => new object?[]
        {
            u.Name, Type(u), u.Headcount, u.Members,
            u.Progress.ChecklistDone, u.Progress.ChecklistTotal, new Percent(u.Progress.ChecklistPercent),
            u.Progress.AssessmentMet, u.Progress.AssessmentAnswered, u.Progress.AssessmentTotal, new Percent(u.Progress.AssessmentPercent),
            AdminWording.Label(words.UnitStatus, u.Status), Local(u.LastActivity), u.Gaps,
        });
        var assessment = rows.SelectMany(u =>
        {
            var latest = UnitsDashboard.Latest(answers[u.Id], UnitLists.Assessment, year);
            return AssessmentDialog.CriteriaFor(content, u.Type).Select(c => latest.GetValueOrDefault(c.Id) is { } a
                ? new object?[] { u.Name, Type(u), c.Id, c.Title, AdminWording.Label(words.AssessmentStatus, a.Status), a.Note, a.AnsweredByName, Local(a.AnsweredAt) }
                : [u.Name, Type(u), c.Id, c.Title, words.Unanswered, null, null, null]);
        });
        var checklist = rows.SelectMany(u =>
        {
            var latest = UnitsDashboard.Latest(answers[u.Id], UnitLists.Checklist, year);
            return content.ChecklistFor(year).Select(i => latest.GetValueOrDefault(i.Id) is { } a
                ? new object?[] { u.Name, Type(u), i.Id, i.Title, i.DueText ?? i.Due, AdminWording.Label(words.ChecklistStatus, a.Status), a.Date, a.Note, a.AnsweredByName, Local(a.AnsweredAt) }
                : [u.Name, Type(u), i.Id, i.Title, i.DueText ?? i.Due, words.Unanswered, null, null, null, null]);
        });

        var bytes = new XlsxWriter()
            .Sheet(words.Export.UnitsSheet, words.Export.UnitsColumns, units)
            .Sheet(words.Export.AssessmentSheet, words.Export.AssessmentColumns, assessment)
            .Sheet(words.Export.ChecklistSheet, words.Export.ChecklistColumns, checklist)
            .ToBytes();
        var fileName = content.Templates.RenderInline(AdminWording.File, "export.fileName", words.Export.FileName,
            new { Date = clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        return (fileName, bytes);
    }

    private string Local(DateTimeOffset instant) => clock.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
