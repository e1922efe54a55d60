using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Recognizers;
using AnToan.Dialogs.Units;
using AnToan.Knowledge.Model;

namespace AnToan.Dialogs.Flows;

/// <summary>What the checklist and the self-assessment share: the user's unit first (offering to create one), then a
/// choice per item that also offers the guidance the item comes from.</summary>
/// <remarks>Version 3: an item is answered in one message (the choice, with its date and note if wanted).
/// Version 2: the dialog's values hold its year. A list belongs to a guidance year: the one in service when the dialog started, kept in its values, so a
/// dialog begun on the last day of a year and finished after a publish still saves into the list it showed.</remarks>
public abstract class UnitListDialog(string id, Replies replies, IUnitStore unitStore, LocalClock clock) : StepDialog(id, version: 3)
{
    private const string YearKey = "year";
    private const string BriefKey = "brief";

    /// <summary>The item is asked again right after its guidance: the question without the text.</summary>
    protected static bool TakeBrief(StepContext step) => step.Values.Remove(BriefKey);

    /// <summary>The choice, its date and its note, whether answered with a tap or in one message.</summary>
    protected static (string Value, DateOnly? Date, string? Note, string? Details) Answer(StepContext step) => step.Result switch
    {
        Recognizers.DetailedChoice d => (d.Value, d.Date, d.Note, d.Details),
        _ => ((string)step.Result!, null, null, null),
    };

    protected Replies Replies { get; } = replies;
    protected IUnitStore UnitStore { get; } = unitStore;
    protected LocalClock Clock { get; } = clock;

    /// <summary>Sets the dialog's year to the guidance year that applies today.</summary>
    protected void StartYear(StepContext step)
    {
        if (Replies.Content.WorkingYear(Clock.Today.Year) is { } year) step.Values[YearKey] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The dialog's guidance year (null when the content has no year's guidance).</summary>
    protected static int? YearOf(IReadOnlyDictionary<string, string> values) =>
        values.TryGetValue(YearKey, out var year) && int.TryParse(year, out var y) ? y : null;

    /// <summary>A list begun for another guidance year than the one in service now (a guidance published or a version
    /// restored since) does not go on: "tiếp tục" then starts the list of the year in service.</summary>
    protected internal override bool Fits(IReadOnlyDictionary<string, string> values) =>
        !values.ContainsKey(YearKey) || YearOf(values) == Replies.Content.WorkingYear(Clock.Today.Year);

    /// <summary>The stored list this dialog's answers go to: the list of its year.</summary>
    protected string ListOf(IReadOnlyDictionary<string, string> values) => UnitLists.Of(Id, YearOf(values));

    /// <summary>The ids of the list's items for a unit, in the guidance year <paramref name="year"/>.</summary>
    protected abstract IReadOnlyList<string> ItemIds(Unit unit, int? year);

    /// <summary>The other list, offered as a button when this one is finished.</summary>
    protected abstract string OtherList { get; }

    /// <summary>Where "tiếp tục" takes the unit in this list: <paramref name="from"/> while it is unanswered, else the
    /// next unanswered item; null when nothing is left.</summary>
    public async Task<string?> UnfinishedItemAsync(Unit unit, string? from, CancellationToken cancellationToken)
    {
        var year = Replies.Content.WorkingYear(Clock.Today.Year);
        var ids = ItemIds(unit, year);
        var answers = await UnitStore.GetAnswersAsync(unit.Id, UnitLists.Of(Id, year), cancellationToken);
        if (from is not null && ids.Contains(from) && !answers.ContainsKey(from)) return from;
        return ItemOrder.NextUnanswered(ids, answers, ids.Contains(from ?? "") ? from : null);
    }

    /// <summary>The summary of a finished list, ending with what to do next: progress, the report, the other list.</summary>
    protected Task SendSummaryAsync(StepContext step, string template, object model, CancellationToken cancellationToken) =>
        step.SendAsync(template, model, new[] { DialogButtons.Progress, DialogButtons.Report, OtherList }.Select(k => new ButtonSpec(Words.Button(k), Words.Button(k))), cancellationToken);

    /// <summary>Read per use: a content reload changes the words too.</summary>
    protected DialogWords Words => Replies.Content.Part<DialogWords>();

    /// <summary>The first step: the user's unit id, or the unit profile dialog offering to create one.</summary>
    protected async Task<StepResult> FindUnitStepAsync(StepContext step, CancellationToken cancellationToken) =>
        await UnitStore.FindForAsync(step.Turn, cancellationToken) is { } unit
            ? step.Next(unit.Id)
            : step.Begin(UnitProfileDialog.Name, new() { [UnitProfileDialog.Offer] = "true" });

    /// <summary>Asks for the item's answer among <paramref name="options"/> or its guidance; the help is the
    /// template's "-help" twin.</summary>
    protected StepResult AskChoice(StepContext step, string template, object model, IEnumerable<ChoiceOption> options) =>
        step.Prompt(new PromptSpec(PromptKind.Choice, template, model)
        {
            Choices = [.. options, Words.Guide],
            HelpTemplate = $"{template}-help",
            PlaceTemplate = $"{template}-place",
            Checkpoint = true,
            Details = true,
        });

    /// <summary>When the answer to <see cref="AskChoice"/> was the guidance: shows it with the document it comes from
    /// and asks again, briefly (the guidance was just shown).</summary>
    /// <returns>null when the answer was one of the options.</returns>
    protected async Task<StepResult?> GuideAsync(
        StepContext step, SourceRef source, string template, Func<DocumentInfo?, object> model, Step askAgain, CancellationToken cancellationToken)
    {
        if (step.Result as string != Words.Guide.Value) return null;
        await step.SendAsync(template, model(Replies.Content.DocumentsById.GetValueOrDefault(source.Document)), cancellationToken);
        step.Values[BriefKey] = "true";
        return step.GoTo(askAgain);
    }
}
