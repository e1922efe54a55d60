using AnToan.Dialogs.Engine;
using AnToan.Knowledge;
using AnToan.Knowledge.Model;

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

/// <summary>Something the unit still lacks: a criterion not met, or a checklist task past its date and not done.</summary>
/// <param name="Kind">criterion | checklist.</param>
public sealed record UnitGap(string Kind, string ItemId, string Title, string? Status, string? Remedy, string? Due);

public sealed record UnitDetail(
    UnitRow Unit, IReadOnlyList<DirectoryMember> Members, IReadOnlyList<ItemAnswer> Checklist,
    IReadOnlyList<ItemAnswer> Assessment, IReadOnlyList<UnitGap> Gaps, IReadOnlyList<DirectoryAnswer> History);

/// <summary>Where every unit stands, computed from the unit directory and the content in service.</summary>
/// <remarks>Answers are counted against the items and criteria of the content in service, so an item removed from
/// checklist.json stops counting, and a criterion counts only for the unit types it is tagged with.</remarks>
public sealed class UnitsReport(IUnitDirectory directory, KnowledgeStore knowledge, LocalClock clock)
{
    public const string Done = "done";
    public const string Met = "met";

    public IReadOnlyList<UnitRow> Rows()
    {
        var content = knowledge.Current;
        var members = directory.Members().ToLookup(m => m.UnitId);
        var answers = directory.Answers().ToLookup(a => a.UnitId);
        return directory.Units().Select(u => Row(content, u, members[u.Id].Count(), answers[u.Id].ToList())).ToList();
    }

    public UnitDetail? Detail(string id)
    {
        var unit = directory.Units().FirstOrDefault(u => u.Id == id);
        if (unit is null) return null;
        var content = knowledge.Current;
        var members = directory.Members().Where(m => m.UnitId == id).ToList();
        var history = directory.Answers().Where(a => a.UnitId == id).ToList();
        var checklist = Latest(history, "checklist");
        var assessment = Latest(history, "assessment");
        return new UnitDetail(
            Row(content, unit, members.Count, history),
            members,
            content.Checklist.Select(i => new ItemAnswer(i.Id, i.Title, i.DueText ?? i.Due, checklist.GetValueOrDefault(i.Id))).ToList(),
            CriteriaFor(content, unit.Type).Select(c => new ItemAnswer(c.Id, c.Title, null, assessment.GetValueOrDefault(c.Id))).ToList(),
            Gaps(content, unit.Type, checklist, assessment),
            history.AsEnumerable().Reverse().ToList());
    }

    public static IReadOnlyList<Criterion> CriteriaFor(KnowledgeContent content, string unitType) =>
        content.Criteria.Where(c => c.UnitTypes.Contains(unitType)).ToList();

    /// <summary>The latest answer per item of one list (answers come oldest first).</summary>
    public static Dictionary<string, DirectoryAnswer> Latest(IEnumerable<DirectoryAnswer> answers, string list)
    {
        var latest = new Dictionary<string, DirectoryAnswer>(StringComparer.Ordinal);
        foreach (var a in answers.Where(a => a.List == list)) latest[a.ItemId] = a;
        return latest;
    }

    private UnitRow Row(KnowledgeContent content, DirectoryUnit unit, int members, IReadOnlyList<DirectoryAnswer> history)
    {
        var checklist = Latest(history, "checklist");
        var assessment = Latest(history, "assessment");
        var criteria = CriteriaFor(content, unit.Type);
        var checklistTotal = content.Checklist.Count;
        var checklistAnswered = content.Checklist.Count(i => checklist.ContainsKey(i.Id));
        var checklistDone = content.Checklist.Count(i => checklist.GetValueOrDefault(i.Id)?.Status == Done);
        var assessmentAnswered = criteria.Count(c => assessment.ContainsKey(c.Id));
        var assessmentMet = criteria.Count(c => assessment.GetValueOrDefault(c.Id)?.Status == Met);
        var status = checklistAnswered + assessmentAnswered == 0 ? "not-started"
            : checklistAnswered == checklistTotal && assessmentAnswered == criteria.Count ? "complete"
            : "in-progress";
        return new UnitRow(
            unit.Id, unit.Name, unit.Type, unit.Headcount, unit.JoinCode, unit.CreatedAt, members,
            new UnitProgressCounts(
                checklistDone, checklistAnswered, checklistTotal,
                assessmentMet, assessmentAnswered, criteria.Count,
                Percent(checklistDone, checklistTotal), Percent(assessmentMet, criteria.Count)),
            status,
            history.Count == 0 ? unit.CreatedAt : history.Max(a => a.AnsweredAt),
            Gaps(content, unit.Type, checklist, assessment).Count);
    }

    private List<UnitGap> Gaps(KnowledgeContent content, string unitType,
        Dictionary<string, DirectoryAnswer> checklist, Dictionary<string, DirectoryAnswer> assessment)
    {
        var today = clock.Today;
        var overdue = content.Checklist
            .Where(i => checklist.GetValueOrDefault(i.Id)?.Status != Done && DateOnly.TryParse(i.Due, out var due) && due < today)
            .Select(i => new UnitGap("checklist", i.Id, i.Title, checklist.GetValueOrDefault(i.Id)?.Status, null, i.Due));
        var unmet = CriteriaFor(content, unitType)
            .Where(c => assessment.GetValueOrDefault(c.Id)?.Status != Met)
            .Select(c => new UnitGap("criterion", c.Id, c.Title, assessment.GetValueOrDefault(c.Id)?.Status, c.Remedy, null));
        return [.. unmet, .. overdue];
    }

    private static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
