using AnToan.Knowledge.Text;
using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Units;
using AnToan.Knowledge.Model;

namespace AnToan.Dialogs.Flows;

/// <summary>The self-assessment against the criteria for the unit's type, one criterion at a time: đạt / một phần /
/// chưa đạt in one tap, or with the evidence in the same message ("đạt, có biên bản ký cam kết"); ends with what is met, the gaps and, for each gap, what the guidance says to do.</summary>
public sealed class AssessmentDialog : UnitListDialog
{
    public const string Name = UnitLists.Assessment;
    public AssessmentDialog(Replies replies, IUnitStore units, LocalClock clock) : base(Name, replies, units, clock)
    {
        Steps(FindUnitStepAsync, StartStepAsync, ReviewStepAsync, AskRatingStepAsync, SaveStepAsync);
    }

    /// <summary>The criteria that apply to a unit of this type.</summary>
    public static IReadOnlyList<Criterion> CriteriaFor(KnowledgeContent content, string unitType) =>
        content.Criteria.Where(c => c.UnitTypes.Contains(unitType)).ToList();

    protected override string OtherList => UnitLists.Checklist;

    protected override IReadOnlyList<string> ItemIds(Unit unit, int? year) => CriteriaFor(Replies.Content, unit.Type).Select(c => c.Id).ToList();

    protected internal override Dictionary<string, string>? Before(IReadOnlyDictionary<string, string> values)
    {
        var criteria = CriteriaFor(Replies.Content, values["type"]).ToList();
        var index = criteria.FindIndex(c => c.Id == values.GetValueOrDefault("item"));
        return index > 0 ? new(values) { ["item"] = criteria[index - 1].Id } : null;
    }

    private async Task<StepResult> StartStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not string || await UnitStore.FindForAsync(step.Turn, cancellationToken) is not { } unit) return step.End();
        step.Values["unit"] = unit.Id;
        step.Values["type"] = unit.Type;
        StartYear(step);
        var criteria = Criteria(step);
        if (criteria.Count == 0)
        {
            await step.SendAsync(DialogTemplates.DialogListEmpty, null, cancellationToken);
            return step.End();
        }
        var answers = await UnitStore.GetAnswersAsync(unit.Id, ListOf(step.Values), cancellationToken);
        var start = step.Values.GetValueOrDefault("item") is { } resumed && criteria.Any(c => c.Id == resumed)
            ? resumed
            : ItemOrder.NextUnanswered(criteria.Select(c => c.Id).ToList(), answers, null);
        if (start is null) return step.Prompt(new PromptSpec(PromptKind.YesNo, DialogTemplates.DialogAssessmentReview, Result(criteria, answers)));
        step.Values["item"] = start;
        return step.GoTo(AskRatingStepAsync);
    }

    private async Task<StepResult> ReviewStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not true)
        {
            var answers = await UnitStore.GetAnswersAsync(step.Values["unit"], ListOf(step.Values), cancellationToken);
            await SendSummaryAsync(step, DialogTemplates.DialogAssessmentResult, Result(Criteria(step), answers), cancellationToken);
            return step.End();
        }
        step.Values["item"] = Criteria(step)[0].Id;
        return step.Next();
    }

    private async Task<StepResult> AskRatingStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        var criteria = Criteria(step);
        var criterion = Criterion(step);
        await UnitStore.SaveCursorAsync(new UnitCursor(step.Values["unit"], Name, criterion.Id, Clock.Now), cancellationToken);
        var current = (await UnitStore.GetAnswersAsync(step.Values["unit"], ListOf(step.Values), cancellationToken)).GetValueOrDefault(criterion.Id);
        var model = new
        {
            Criterion = criterion,
            Number = criteria.ToList().IndexOf(criterion) + 1,
            Total = criteria.Count,
            Brief = TakeBrief(step),
            Current = current is null ? null : new { Rating = DialogWords.Label(Words.AssessmentRating, current.Status), Evidence = MarkdownText.Escape(current.Note), By = MarkdownText.Escape(Words.Shown(current)) },
        };
        return AskChoice(step, DialogTemplates.DialogAssessmentCriterion, model, Words.AssessmentRating);
    }

    private async Task<StepResult> SaveStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        var criterion = Criterion(step);
        if (await GuideAsync(step, criterion.Source, DialogTemplates.DialogAssessmentGuide, d => new { Criterion = criterion, Document = d }, AskRatingStepAsync, cancellationToken) is { } guide)
            return guide;
        var unitId = step.Values["unit"];
        var (rating, _, _, evidence) = Answer(step);
        var list = ListOf(step.Values);
        await UnitStore.SaveAnswerAsync(new UnitAnswer(unitId, list, criterion.Id, rating, null, evidence,
            MemberKey.Of(step.Turn).Id, MemberKey.NameOf(step.Turn), Clock.Now), cancellationToken);
        var criteria = Criteria(step);
        var answers = await UnitStore.GetAnswersAsync(unitId, list, cancellationToken);
        if (ItemOrder.NextUnanswered(criteria.Select(c => c.Id).ToList(), answers, criterion.Id) is { } next)
        {
            step.Values["item"] = next;
            return step.GoTo(AskRatingStepAsync);
        }
        await SendSummaryAsync(step, DialogTemplates.DialogAssessmentResult, Result(criteria, answers), cancellationToken);
        return step.End();
    }

    private IReadOnlyList<Criterion> Criteria(StepContext step) => CriteriaFor(Replies.Content, step.Values["type"]);

    private Criterion Criterion(StepContext step) => Criteria(step).First(c => c.Id == step.Values["item"]);

    /// <summary>What is met and the gaps with their remedies; criteria not yet rated count as gaps.</summary>
    private object Result(IReadOnlyList<Criterion> criteria, IReadOnlyDictionary<string, UnitAnswer> answers) => new
    {
        Total = criteria.Count,
        Met = criteria.Where(c => answers.GetValueOrDefault(c.Id)?.Status == AssessmentRatings.Met).Select(c => c.Title).ToList(),
        Gaps = criteria.Where(c => answers.GetValueOrDefault(c.Id)?.Status != AssessmentRatings.Met)
            .Select(c => new { c.Title, c.Remedy, Rating = DialogWords.Label(Words.AssessmentRating, answers.GetValueOrDefault(c.Id)?.Status) }).ToList(),
    };
}
