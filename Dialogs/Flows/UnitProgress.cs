using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Units;

namespace AnToan.Dialogs.Flows;

/// <summary>Where a unit stands: done/total per list, the next deadline and days left, and the report's rows.</summary>
public sealed class UnitProgress(Replies replies, IUnitStore units, LocalClock clock)
{
    /// <summary>The model of "tiến độ" and of the chat summary that goes with a report.</summary>
    public async Task<object> SummaryAsync(Unit unit, CancellationToken cancellationToken)
    {
        var content = replies.Content;
        var words = content.Part<DialogWords>();
        var checklist = await units.GetAnswersAsync(unit.Id, UnitLists.Checklist, cancellationToken);
        var assessment = await units.GetAnswersAsync(unit.Id, UnitLists.Assessment, cancellationToken);
        var criteria = AssessmentDialog.CriteriaFor(content, unit.Type);
        var today = clock.Today;
        var next = content.Checklist
            .Where(i => checklist.GetValueOrDefault(i.Id)?.Status != "done" && DateOnly.TryParse(i.Due, out var due) && due >= today)
            .Select(i => (Item: i, Due: DateOnly.Parse(i.Due!)))
            .OrderBy(x => x.Due).FirstOrDefault();
        return new
        {
            Unit = unit.Name,
            ChecklistDone = checklist.Values.Count(a => a.Status == "done"),
            ChecklistAnswered = checklist.Count(a => content.Checklist.Any(i => i.Id == a.Key)),
            ChecklistTotal = content.Checklist.Count,
            AssessmentMet = criteria.Count(c => assessment.GetValueOrDefault(c.Id)?.Status == "met"),
            AssessmentAnswered = criteria.Count(c => assessment.ContainsKey(c.Id)),
            AssessmentTotal = criteria.Count,
            Next = next.Item is null ? null : new { next.Item.Title, Due = ItemOrder.Format(next.Due), next.Item.DueText, DaysLeft = next.Due.DayNumber - today.DayNumber },
        };
    }

    public async Task<UnitReport> ReportAsync(Unit unit, CancellationToken cancellationToken)
    {
        var content = replies.Content;
        var words = content.Part<DialogWords>();
        var checklist = await units.GetAnswersAsync(unit.Id, UnitLists.Checklist, cancellationToken);
        var assessment = await units.GetAnswersAsync(unit.Id, UnitLists.Assessment, cancellationToken);
        var criteria = AssessmentDialog.CriteriaFor(content, unit.Type);
        return new UnitReport(
            unit, DialogWords.Label(words.UnitTypes, unit.Type), clock.Today,
            content.Checklist.Select(i => Row(i.Title, checklist.GetValueOrDefault(i.Id), words.ChecklistStatus) with { Due = i.DueText ?? i.Due }).ToList(),
            criteria.Select(c => Row(c.Title, assessment.GetValueOrDefault(c.Id), words.AssessmentRating)).ToList(),
            criteria.Where(c => assessment.GetValueOrDefault(c.Id)?.Status != "met")
                .Select(c => new ReportGap(c.Title, Label(words.AssessmentRating, assessment.GetValueOrDefault(c.Id)), c.Remedy)).ToList());
    }

    private static ReportRow Row(string title, UnitAnswer? answer, IReadOnlyList<Recognizers.ChoiceOption> labels) =>
        new(title, Label(labels, answer), ItemOrder.Format(answer?.Date), answer?.Note, answer?.AnsweredByName);

    private static string? Label(IReadOnlyList<Recognizers.ChoiceOption> labels, UnitAnswer? answer) =>
        answer is null ? null : DialogWords.Label(labels, answer.Status);
}
