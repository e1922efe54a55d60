using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Flows;
using AnToan.Dialogs.Units;
using AnToan.Knowledge;
using AnToan.Knowledge.Model;
using AnToan.Bot.Storage;

namespace AnToan.Bot.Admin;

/// <summary>A unit as the table shows it: who it is, how far it got, when it was last active, how many gaps it has.</summary>
/// <param name="JoinCode">What the unit's members type to join it: the police can tell a unit its code.</param>
/// <param name="Status">not-started (nothing answered) | in-progress | complete (every item and criterion answered).</param>
public sealed record UnitRow(
    string Id, string Name, string Type, long? Headcount, string JoinCode, DateTimeOffset CreatedAt, int Members,
    UnitProgressCounts Progress, string Status, DateTimeOffset LastActivity, int Gaps);

/// <summary>Done/answered/total per list; percentages are of the total (done items, criteria met).</summary>
public sealed record UnitProgressCounts(
    int ChecklistDone, int ChecklistAnswered, int ChecklistTotal,
    int AssessmentMet, int AssessmentAnswered, int AssessmentTotal,
    double ChecklistPercent, double AssessmentPercent);

/// <summary>An item of a list with the unit's latest answer to it (null: not answered).</summary>
public sealed record ItemAnswer(string ItemId, string Title, string? Due, DirectoryAnswer? Answer);

public sealed record UnitDetail(
    UnitRow Unit, IReadOnlyList<DirectoryMember> Members, IReadOnlyList<ItemAnswer> Checklist,
    IReadOnlyList<ItemAnswer> Assessment, IReadOnlyList<UnitGap> Gaps, IReadOnlyList<DirectoryAnswer> History);

/// <summary>Where every unit stands, for the dashboard's units page and its export: computed from the unit directory
/// and the content in service. (A unit's own Word report is <see cref="UnitReport"/>.)</summary>
/// <remarks>Counts and gaps are <see cref="UnitStanding"/>'s, the same as the chat's "tiến độ" and the Word report.
/// The year is a guidance year: the one that applies today unless another is asked for; earlier years stay in history.</remarks>
public sealed class UnitsDashboard(IUnitDirectory directory, KnowledgeStore knowledge, LocalClock clock)
{
    /// <summary>The year asked for, else the guidance year that applies today.</summary>
    public int? YearOr(int? year) => year ?? knowledge.Current.WorkingYear(clock.Today.Year);

    /// <summary>Every answer, oldest first, with who answered as people read it (never a user id).</summary>
    public IEnumerable<DirectoryAnswer> Answers()
    {
        var unnamed = knowledge.Current.Part<DialogWords>().UnnamedMember;
        return directory.Answers().Select(a => a with { AnsweredByName = MemberKey.Shown(a.AnsweredBy, a.AnsweredByName, unnamed) });
    }

    private IEnumerable<DirectoryMember> Members()
    {
        var unnamed = knowledge.Current.Part<DialogWords>().UnnamedMember;
        return directory.Members().Select(m => m with { Name = MemberKey.Shown(m.Id, m.Name, unnamed) });
    }

    public IReadOnlyList<UnitRow> Rows(int? year = null)
    {
        var content = knowledge.Current;
        year = YearOr(year);
        var members = Members().ToLookup(m => m.UnitId);
        var answers = Answers().ToLookup(a => a.UnitId);
        return directory.Units().Select(u => Row(u, members[u.Id].Count(), answers[u.Id].ToList(), Standing(content, u, year, answers[u.Id]))).ToList();
    }

    public UnitDetail? Detail(string id, int? year = null)
    {
        var unit = directory.Units().FirstOrDefault(u => u.Id == id);
        if (unit is null) return null;
        var content = knowledge.Current;
        year = YearOr(year);
        var members = Members().Where(m => m.UnitId == id).ToList();
        var history = Answers().Where(a => a.UnitId == id).ToList();
        var checklist = Latest(history, UnitLists.Checklist, year);
        var assessment = Latest(history, UnitLists.Assessment, year);
        var standing = Standing(content, unit, year, history);
        return new UnitDetail(
            Row(unit, members.Count, history, standing),
            members,
            content.ChecklistFor(year).Select(i => new ItemAnswer(i.Id, i.Title, i.DueText ?? i.Due, checklist.GetValueOrDefault(i.Id))).ToList(),
            AssessmentDialog.CriteriaFor(content, unit.Type).Select(c => new ItemAnswer(c.Id, c.Title, null, assessment.GetValueOrDefault(c.Id))).ToList(),
            standing.Gaps,
            history.AsEnumerable().Reverse().ToList());
    }

    /// <summary>The latest answer per item of one list in one year (answers come oldest first).</summary>
    public static Dictionary<string, DirectoryAnswer> Latest(IEnumerable<DirectoryAnswer> answers, string list, int? year)
    {
        var latest = new Dictionary<string, DirectoryAnswer>(StringComparer.Ordinal);
        foreach (var a in answers.Where(a => a.List == list && a.Year == year)) latest[a.ItemId] = a;
        return latest;
    }

    private UnitStanding Standing(KnowledgeContent content, DirectoryUnit unit, int? year, IEnumerable<DirectoryAnswer> history) =>
        UnitStanding.Of(content, unit.Type, year, Statuses(history, UnitLists.Checklist, year), Statuses(history, UnitLists.Assessment, year), clock.Today);

    private static Dictionary<string, string> Statuses(IEnumerable<DirectoryAnswer> history, string list, int? year) =>
        Latest(history, list, year).ToDictionary(a => a.Key, a => a.Value.Status, StringComparer.Ordinal);

    private static UnitRow Row(DirectoryUnit unit, int members, IReadOnlyList<DirectoryAnswer> history, UnitStanding s)
    {
        var status = s.ChecklistAnswered + s.AssessmentAnswered == 0 ? "not-started"
            : s.ChecklistAnswered == s.ChecklistTotal && s.AssessmentAnswered == s.AssessmentTotal ? "complete"
            : "in-progress";
        return new UnitRow(
            unit.Id, unit.Name, unit.Type, unit.Headcount, unit.JoinCode, unit.CreatedAt, members,
            new UnitProgressCounts(
                s.ChecklistDone, s.ChecklistAnswered, s.ChecklistTotal,
                s.AssessmentMet, s.AssessmentAnswered, s.AssessmentTotal,
                Percent(s.ChecklistDone, s.ChecklistTotal), Percent(s.AssessmentMet, s.AssessmentTotal)),
            status,
            history.Count == 0 ? unit.CreatedAt : history.Max(a => a.AnsweredAt),
            s.Gaps.Count);
    }

    private static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
