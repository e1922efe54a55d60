using AnToan.Knowledge.Text;
using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Units;

namespace AnToan.Dialogs.Flows;

/// <summary>Where a unit stands in a guidance year: done/total per list, the next deadline and days left, and the
/// report's rows.</summary>
/// <remarks>Counts and gaps come from <see cref="UnitStanding"/>, as on the admin dashboard. The year is the guidance
/// year that applies today unless one is asked for.</remarks>
public sealed class UnitProgress(Replies replies, IUnitStore units, LocalClock clock)
{
    /// <summary>The guidance year that applies today (null when the content has no year's guidance).</summary>
    public int? CurrentYear => replies.Content.WorkingYear(clock.Today.Year);

    /// <summary>The model of "tiến độ" and of the chat summary that goes with a report.</summary>
    public async Task<object> SummaryAsync(Unit unit, CancellationToken cancellationToken)
    {
        var content = replies.Content;
        var year = CurrentYear;
        var (checklist, assessment) = await AnswersAsync(unit, year, cancellationToken);
        var standing = Standing(unit, year, checklist, assessment);
        var today = clock.Today;
        var next = content.ChecklistFor(year)
            .Where(i => checklist.GetValueOrDefault(i.Id)?.Status != UnitStanding.Done && DateOnly.TryParse(i.Due, out var due) && due >= today)
            .Select(i => (Item: i, Due: DateOnly.Parse(i.Due!)))
            .OrderBy(x => x.Due).FirstOrDefault();
        return new
        {
            Unit = MarkdownText.Escape(unit.Name),
            Year = year,
            Guidance = content.GuidanceOf(year) is { } g ? new { g.Kind, g.Number } : null,
            // This year has no guidance of its own yet: the list is an earlier year's, and its dates are not counted
            // against today.
            ThisYear = year < today.Year ? today.Year : (int?)null,
            standing.ChecklistDone,
            standing.ChecklistAnswered,
            standing.ChecklistTotal,
            standing.AssessmentMet,
            standing.AssessmentAnswered,
            standing.AssessmentTotal,
            Next = next.Item is null ? null : new { next.Item.Title, Due = DateText.Of(next.Due), next.Item.DueText, DaysLeft = next.Due.DayNumber - today.DayNumber },
            // The same overdue tasks as the report's and the dashboard's gaps.
            Overdue = standing.Gaps.Where(g => g.Kind == UnitGap.Checklist).Select(g => new
            {
                g.Title,
                Due = DateText.Of(DateOnly.Parse(g.Due!)),
                DaysLate = year < today.Year ? (int?)null : today.DayNumber - DateOnly.Parse(g.Due!).DayNumber,
                Status = g.Status is null ? null : DialogWords.Label(content.Part<DialogWords>().ChecklistStatus, g.Status),
            }).ToList(),
        };
    }

    /// <param name="year">The guidance year reported; the current one when null.</param>
    public async Task<UnitReport> ReportAsync(Unit unit, int? year, CancellationToken cancellationToken)
    {
        var content = replies.Content;
        var words = content.Part<DialogWords>();
        year ??= CurrentYear;
        var (checklist, assessment) = await AnswersAsync(unit, year, cancellationToken);
        return new UnitReport(
            unit, DialogWords.Label(words.UnitTypes, unit.Type), clock.Today, year,
            content.ChecklistFor(year).Select(i => Row(i.Title, checklist.GetValueOrDefault(i.Id), words.ChecklistStatus, words) with { Due = i.DueText ?? (DateOnly.TryParse(i.Due, out var due) ? DateText.Of(due) : null) }).ToList(),
            AssessmentDialog.CriteriaFor(content, unit.Type).Select(c => Row(c.Title, assessment.GetValueOrDefault(c.Id), words.AssessmentRating, words)).ToList(),
            Standing(unit, year, checklist, assessment).Gaps.Select(g => g.Kind == UnitGap.Criterion
                    ? new ReportGap(g.Title, Label(words.AssessmentRating, g.Status), g.Remedy, null)
                    : new ReportGap(g.Title, Label(words.ChecklistStatus, g.Status), null, DateText.Of(DateOnly.Parse(g.Due!))))
                .ToList());
    }

    private async Task<(IReadOnlyDictionary<string, UnitAnswer> Checklist, IReadOnlyDictionary<string, UnitAnswer> Assessment)> AnswersAsync(
        Unit unit, int? year, CancellationToken cancellationToken) =>
        (await units.GetAnswersAsync(unit.Id, UnitLists.Of(UnitLists.Checklist, year), cancellationToken),
         await units.GetAnswersAsync(unit.Id, UnitLists.Of(UnitLists.Assessment, year), cancellationToken));

    private UnitStanding Standing(Unit unit, int? year, IReadOnlyDictionary<string, UnitAnswer> checklist, IReadOnlyDictionary<string, UnitAnswer> assessment) =>
        UnitStanding.Of(replies.Content, unit.Type, year,
            checklist.ToDictionary(a => a.Key, a => a.Value.Status), assessment.ToDictionary(a => a.Key, a => a.Value.Status), clock.Today);

    private static ReportRow Row(string title, UnitAnswer? answer, IReadOnlyList<Recognizers.ChoiceOption> labels, DialogWords words) =>
        new(title, Label(labels, answer?.Status), DateText.Of(answer?.Date), answer?.Note, answer is null ? null : words.Shown(answer));

    private static string? Label(IReadOnlyList<Recognizers.ChoiceOption> labels, string? status) =>
        status is null ? null : DialogWords.Label(labels, status);
}
