using AnToan.Knowledge.Text;
using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Units;
using AnToan.Knowledge;

namespace AnToan.Dialogs.Flows;

/// <summary>A short profile that creates the user's unit: name, type (cơ quan / doanh nghiệp / nhà trường), headcount.
/// Ends with the unit's id, or null when the user would rather not create one.</summary>
public sealed class UnitProfileDialog : StepDialog
{
    public const string Name = "unit.profile";

    /// <summary>Set by a flow that needs a unit: first ask whether to create one (colleagues may already have one).</summary>
    public const string Offer = "offer";

    private readonly IUnitStore _units;
    private readonly KnowledgeStore _knowledge;

    private DialogWords _words => _knowledge.Current.Part<DialogWords>();

    public UnitProfileDialog(IUnitStore units, KnowledgeStore knowledge) : base(Name, version: 1)
    {
        _units = units;
        _knowledge = knowledge;
        Steps(OfferStepAsync, AskNameStepAsync, AskTypeStepAsync, AskHeadcountStepAsync, CreateStepAsync);
    }

    private async Task<StepResult> OfferStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        var unit = await _units.FindForAsync(step.Turn, cancellationToken);
        if (unit is not null)
        {
            await step.SendAsync(DialogTemplates.DialogUnitAlready, UnitModel(unit), cancellationToken);
            return step.End(unit.Id);
        }
        return step.Values.ContainsKey(Offer)
            ? step.Prompt(new PromptSpec(PromptKind.YesNo, DialogTemplates.DialogUnitOffer))
            : step.Next(true);
    }

    private async Task<StepResult> AskNameStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is false)
        {
            await step.SendAsync(DialogTemplates.DialogUnitNone, null, cancellationToken);
            return step.End();
        }
        return step.Prompt(new PromptSpec(PromptKind.Text, DialogTemplates.DialogUnitName) { MaxLength = 150, HelpTemplate = DialogTemplates.DialogUnitNameHelp });
    }

    private Task<StepResult> AskTypeStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        step.Values["name"] = (string)step.Result!;
        return Task.FromResult(step.Prompt(new PromptSpec(PromptKind.Choice, DialogTemplates.DialogUnitType, new { Name = MarkdownText.Escape(step.Values["name"]) })
        {
            Choices = _words.UnitTypes,
        }));
    }

    private Task<StepResult> AskHeadcountStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        step.Values["type"] = (string)step.Result!;
        return Task.FromResult(step.Prompt(new PromptSpec(PromptKind.Number, DialogTemplates.DialogUnitHeadcount) { Min = 1, Max = 1_000_000, Optional = true }));
    }

    private async Task<StepResult> CreateStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        var unit = await _units.CreateForAsync(
            new NewUnit(step.Values["name"], step.Values["type"], step.Result as long?), step.Turn, cancellationToken);
        await step.SendAsync(DialogTemplates.DialogUnitCreated, UnitModel(unit), cancellationToken);
        return step.End(unit.Id);
    }

    private object UnitModel(Unit unit) => new { Name = MarkdownText.Escape(unit.Name), Type = DialogWords.Label(_words.UnitTypes, unit.Type), unit.JoinCode, unit.Headcount };
}
