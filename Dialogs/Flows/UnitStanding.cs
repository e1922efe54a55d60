using AnToan.Knowledge.Model;

namespace AnToan.Dialogs.Flows;

/// <summary>How far a unit got and what it still lacks: the one calculation behind "tiến độ", the Word report, and
/// the admin dashboard and its export, so every place shows the same numbers.</summary>
/// <remarks>Only the checklist items of the year and the criteria for the unit's type of the content in service count: an answer
/// to an item since removed from checklist.json is ignored, so done never exceeds total.
/// A gap is either a criterion for the unit's type that is not met (rated partial or unmet, or not rated yet), or a
/// checklist item whose date has passed and that is not done (an item without a date is never overdue). Criteria
/// come first, in content order, then the overdue items.</remarks>
public sealed record UnitStanding(
    int ChecklistDone, int ChecklistAnswered, int ChecklistTotal,
    int AssessmentMet, int AssessmentAnswered, int AssessmentTotal,
    IReadOnlyList<UnitGap> Gaps)
{
    public const string Done = ChecklistStatuses.Done;
    public const string Met = AssessmentRatings.Met;

    /// <param name="year">The guidance year whose checklist counts (see <see cref="KnowledgeContent.ChecklistFor"/>).</param>
    /// <param name="checklist">The unit's latest status per checklist item id, in that year.</param>
    /// <param name="assessment">The unit's latest rating per criterion id, in that year.</param>
    public static UnitStanding Of(KnowledgeContent content, string unitType, int? year,
        IReadOnlyDictionary<string, string> checklist, IReadOnlyDictionary<string, string> assessment, DateOnly today)
    {
        var items = content.ChecklistFor(year);
        var criteria = AssessmentDialog.CriteriaFor(content, unitType);
        var unmet = criteria
            .Where(c => assessment.GetValueOrDefault(c.Id) != Met)
            .Select(c => new UnitGap(UnitGap.Criterion, c.Id, c.Title, assessment.GetValueOrDefault(c.Id), c.Remedy, null));
        var overdue = items
            .Where(i => checklist.GetValueOrDefault(i.Id) != Done && DateOnly.TryParse(i.Due, out var due) && due < today)
            .Select(i => new UnitGap(UnitGap.Checklist, i.Id, i.Title, checklist.GetValueOrDefault(i.Id), null, i.Due));
        return new UnitStanding(
            items.Count(i => checklist.GetValueOrDefault(i.Id) == Done),
            items.Count(i => checklist.ContainsKey(i.Id)),
            items.Count,
            criteria.Count(c => assessment.GetValueOrDefault(c.Id) == Met),
            criteria.Count(c => assessment.ContainsKey(c.Id)),
            criteria.Count,
            [.. unmet, .. overdue]);
    }
}

/// <summary>Something the unit still lacks (see <see cref="UnitStanding"/>).</summary>
/// <param name="Kind"><see cref="Criterion"/> | <see cref="Checklist"/>.</param>
/// <param name="Status">The unit's latest answer (partial, unmet; doing, todo); null when nobody answered.</param>
/// <param name="Remedy">What the guidance says to do (criteria only).</param>
/// <param name="Due">The item's date as in checklist.json, yyyy-MM-dd (checklist items only).</param>
public sealed record UnitGap(string Kind, string ItemId, string Title, string? Status, string? Remedy, string? Due)
{
    public const string Criterion = "criterion";
    public const string Checklist = "checklist";
}
