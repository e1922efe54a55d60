using AnToan.Knowledge.Text;
using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Units;
using AnToan.Knowledge.Model;

namespace AnToan.Dialogs.Flows;

/// <summary>The year's checklist, one item at a time from the first unanswered one: what the guidance says and when it
/// is due; đã làm / đang làm / chưa làm in one tap, or with a date and note in the same message ("đã làm 15/3, NQ số
/// 12"); "xem hướng dẫn" shows the guidance in full.</summary>
public sealed class ChecklistDialog : UnitListDialog
{
    public const string Name = UnitLists.Checklist;
    public ChecklistDialog(Replies replies, IUnitStore units, LocalClock clock) : base(Name, replies, units, clock)
    {
        Steps(FindUnitStepAsync, StartStepAsync, ReviewStepAsync, AskStatusStepAsync, SaveStepAsync);
    }

    protected override string OtherList => UnitLists.Assessment;

    protected override IReadOnlyList<string> ItemIds(Unit unit, int? year) => Replies.Content.ChecklistFor(year).Select(i => i.Id).ToList();

    /// <summary>The checklist of the dialog's guidance year.</summary>
    private IReadOnlyList<ChecklistItem> Items(IReadOnlyDictionary<string, string> values) => Replies.Content.ChecklistFor(YearOf(values));

    protected internal override Dictionary<string, string>? Before(IReadOnlyDictionary<string, string> values)
    {
        var items = Items(values);
        var index = items.ToList().FindIndex(i => i.Id == values.GetValueOrDefault("item"));
        return index > 0 ? new(values) { ["item"] = items[index - 1].Id } : null;
    }

    private async Task<StepResult> StartStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not string unitId) return step.End();
        StartYear(step);
        var items = Items(step.Values);
        if (items.Count == 0)
        {
            await step.SendAsync(DialogTemplates.DialogListEmpty, null, cancellationToken);
            return step.End();
        }
        step.Values["unit"] = unitId;
        var answers = await UnitStore.GetAnswersAsync(unitId, ListOf(step.Values), cancellationToken);
        var start = step.Values.GetValueOrDefault("item") is { } resumed && items.Any(i => i.Id == resumed)
            ? resumed
            : ItemOrder.NextUnanswered(items.Select(i => i.Id).ToList(), answers, null);
        if (start is null) return step.Prompt(new PromptSpec(PromptKind.YesNo, DialogTemplates.DialogChecklistReview, Summary(step.Values, answers)));
        step.Values["item"] = start;
        return step.GoTo(AskStatusStepAsync);
    }

    private async Task<StepResult> ReviewStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not true)
        {
            var answers = await UnitStore.GetAnswersAsync(step.Values["unit"], ListOf(step.Values), cancellationToken);
            await SendSummaryAsync(step, DialogTemplates.DialogChecklistSummary, Summary(step.Values, answers), cancellationToken);
            return step.End();
        }
        step.Values["item"] = Items(step.Values)[0].Id;
        return step.Next();
    }

    private async Task<StepResult> AskStatusStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        var item = Item(step);
        var unitId = step.Values["unit"];
        await UnitStore.SaveCursorAsync(new UnitCursor(unitId, Name, item.Id, Clock.Now), cancellationToken);
        var current = (await UnitStore.GetAnswersAsync(unitId, ListOf(step.Values), cancellationToken)).GetValueOrDefault(item.Id);
        var items = Items(step.Values);
        var model = new
        {
            Item = item,
            Number = items.ToList().IndexOf(item) + 1,
            Total = items.Count,
            Year = YearOf(step.Values),
            Brief = TakeBrief(step),
            Current = current is null ? null : new
            {
                Status = DialogWords.Label(Words.ChecklistStatus, current.Status),
                Date = DateText.Of(current.Date),
                Note = MarkdownText.Escape(current.Note),
                By = MarkdownText.Escape(Words.Shown(current)),
            },
        };
        return AskChoice(step, DialogTemplates.DialogChecklistItem, model, Words.ChecklistStatus);
    }

    private async Task<StepResult> SaveStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        var item = Item(step);
        if (await GuideAsync(step, item.Source, DialogTemplates.DialogChecklistGuide, d => new { Item = item, Document = d }, AskStatusStepAsync, cancellationToken) is { } guide)
            return guide;
        var unitId = step.Values["unit"];
        var (status, date, note, _) = Answer(step);
        var list = ListOf(step.Values);
        await UnitStore.SaveAnswerAsync(new UnitAnswer(unitId, list, item.Id, status, date, note,
            MemberKey.Of(step.Turn).Id, MemberKey.NameOf(step.Turn), Clock.Now), cancellationToken);
        var answers = await UnitStore.GetAnswersAsync(unitId, list, cancellationToken);
        if (ItemOrder.NextUnanswered(Items(step.Values).Select(i => i.Id).ToList(), answers, item.Id) is { } next)
        {
            step.Values["item"] = next;
            return step.GoTo(AskStatusStepAsync);
        }
        await SendSummaryAsync(step, DialogTemplates.DialogChecklistSummary, Summary(step.Values, answers), cancellationToken);
        return step.End();
    }

    private ChecklistItem Item(StepContext step) => Items(step.Values).First(i => i.Id == step.Values["item"]);

    private object Summary(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, UnitAnswer> answers) => new
    {
        Year = YearOf(values),
        Total = Items(values).Count,
        Done = answers.Values.Count(a => a.Status == ChecklistStatuses.Done),
        Doing = answers.Values.Count(a => a.Status == ChecklistStatuses.Doing),
        Todo = answers.Values.Count(a => a.Status == ChecklistStatuses.Todo),
        Open = Items(values).Where(i => answers.GetValueOrDefault(i.Id)?.Status != ChecklistStatuses.Done)
            .Select(i => new { i.Title, i.DueText, Status = DialogWords.Label(Words.ChecklistStatus, answers.GetValueOrDefault(i.Id)?.Status) }).ToList(),
    };
}
