using AnToan.Bot.Content;
using AnToan.Dialogs.Engine;
using AnToan.Knowledge;
using AnToan.Knowledge.Model;

namespace AnToan.Bot.Admin;

/// <summary>The JSON the admin page is drawn from, the export and the content reload, under /api/admin.</summary>
public static class DashboardApi
{
    private const int MaxWeeks = 52;
    private const int DefaultWeeks = 12;

    /// <summary>The weeks the question views cover: the ones asked for, within 1..52, else the last 12.</summary>
    public static int Weeks(int? asked) => Math.Clamp(asked ?? DefaultWeeks, 1, MaxWeeks);

    private static IResult AnnouncementsView(AnnouncementsReport report) => Results.Ok(report.View());

    public static RouteGroupBuilder MapDashboardAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/overview", Overview);
        admin.MapGet("/units", (string? type, string? status, string? sort, bool? desc, int? year, UnitsDashboard report) =>
            Results.Ok(Sort(report.Rows(year).Where(u => (type is null || u.Type == type) && (status is null || u.Status == status)), sort, desc ?? false)));
        admin.MapGet("/units/{id}", (string id, int? year, UnitsDashboard report) =>
            report.Detail(id, year) is { } detail ? Results.Ok(detail) : Results.NotFound());
        admin.MapGet("/questions", (int? weeks, QuestionsReport report) => Results.Ok(report.View(Weeks(weeks))));
        admin.MapGet("/announcements/report", AnnouncementsView);
        // The route's name before announcements had one word; kept for callers that know it.
        admin.MapGet("/notifications", AnnouncementsView);
        admin.MapGet("/audit", (int? count, AdminAudit audit) => Results.Ok(audit.Latest(Math.Clamp(count ?? 100, 1, 1000))));
        admin.MapGet("/export/units.xlsx", (HttpContext http, int? year, UnitsExport export, AdminAudit audit) =>
        {
            var (fileName, content) = export.Write(year);
            audit.Record(http, "export", detail: fileName);
            return Results.File(content, UnitsExport.ContentType, fileName);
        });
        admin.MapPost("/content/reload", Reload);
        return admin;
    }

    /// <summary>Counts and the two charts' data, with the labels the page shows for codes.</summary>
    private static IResult Overview(int? year, UnitsDashboard units, QuestionsReport questions, AnnouncementsReport announcements, KnowledgeStore knowledge, LocalClock clock)
    {
        year = units.YearOr(year);
        var rows = units.Rows(year);
        var words = AdminWording.For(knowledge.Current);
        var week = questions.View(DefaultWeeks);
        var notify = announcements.View();
        return Results.Ok(new
        {
            Year = year,
            Years = knowledge.Current.GuidanceYears,
            Units = rows.Count,
            Members = rows.Sum(r => r.Members),
            Complete = rows.Count(r => r.Status == "complete"),
            Gaps = rows.Sum(r => r.Gaps),
            ByType = words.UnitTypes.Keys.Select(type =>
            {
                var group = rows.Where(r => r.Type == type).ToList();
                return new
                {
                    Type = type,
                    Units = group.Count,
                    ChecklistPercent = group.Count == 0 ? 0 : Math.Round(group.Average(r => r.Progress.ChecklistPercent), 1),
                    AssessmentPercent = group.Count == 0 ? 0 : Math.Round(group.Average(r => r.Progress.AssessmentPercent), 1),
                };
            }),
            QuestionsPerWeek = week.PerWeek,
            Subscriptions = notify.Subscriptions.Sum(s => s.Active),
            TimeZone = clock.Zone.Id,
            Labels = new { words.UnitTypes, words.UnitStatus, words.ChecklistStatus, words.AssessmentStatus, words.Unanswered },
        });
    }

    /// <summary>Loads the content again; on an error the content in service stays and the error says where.</summary>
    private static IResult Reload(HttpContext http, AdminAudit audit, ContentReload reload, KnowledgeStore knowledge)
    {
        try
        {
            var (content, indexEntries, change) = reload.Run(AdminActor.Of(http));
            if (change == ContentChange.Conflict) return Results.Conflict(new { Reloaded = false });
            audit.Record(http, "content-reload", detail: $"passages={content.Passages.Count} facts={content.Facts.Count}");
            return Results.Ok(new
            {
                Reloaded = true,
                Version = knowledge.Version,
                Passages = content.Passages.Count,
                Facts = content.Facts.Count,
                Checklist = content.Checklist.Count,
                Criteria = content.Criteria.Count,
                Calendar = content.Calendar.Count,
                Templates = content.Templates.Names.Count(),
                IndexEntries = indexEntries,
            });
        }
        catch (ContentException e)
        {
            audit.Record(http, "content-reload", succeeded: false, detail: e.Message);
            return Results.UnprocessableEntity(new { Reloaded = false, e.File, e.Line, e.Reason });
        }
    }

    private static IEnumerable<UnitRow> Sort(IEnumerable<UnitRow> rows, string? sort, bool desc)
    {
        Func<UnitRow, object> key = sort switch
        {
            "type" => r => r.Type,
            "members" => r => r.Members,
            "checklist" => r => r.Progress.ChecklistPercent,
            "assessment" => r => r.Progress.AssessmentPercent,
            "lastActivity" => r => r.LastActivity,
            "gaps" => r => r.Gaps,
            _ => r => r.Name,
        };
        return desc ? rows.OrderByDescending(key) : rows.OrderBy(key);
    }
}
