using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Units;
using Microsoft.Bot.Builder;

namespace AnToan.Dialogs.Flows;

/// <summary>The commands of intents.json that start a flow or act on the user's unit.</summary>
public sealed class UnitCommands(DialogEngine engine, IUnitStore units, UnitProgress progress, IReportPublisher reports, Replies replies)
    : ICommandHandler
{
    public IReadOnlyCollection<string> IntentIds { get; } = [DialogIntents.ChecklistStart, DialogIntents.AssessmentStart, DialogIntents.UnitCreate, DialogIntents.Resume, DialogIntents.Progress, DialogIntents.Report];

    public async Task HandleAsync(ITurnContext turnContext, string intentId, CancellationToken cancellationToken)
    {
        switch (intentId)
        {
            case DialogIntents.ChecklistStart: await engine.BeginAsync(turnContext, ChecklistDialog.Name, null, cancellationToken); break;
            case DialogIntents.AssessmentStart: await engine.BeginAsync(turnContext, AssessmentDialog.Name, null, cancellationToken); break;
            case DialogIntents.UnitCreate: await engine.BeginAsync(turnContext, UnitProfileDialog.Name, null, cancellationToken); break;
            case DialogIntents.Resume: await engine.ResumeAsync(turnContext, cancellationToken); break;
            case DialogIntents.Progress: await ProgressAsync(turnContext, cancellationToken); break;
            case DialogIntents.Report: await ReportAsync(turnContext, cancellationToken); break;
        }
    }

    private async Task ProgressAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (await UnitOf(turn, cancellationToken) is not { } unit) return;
        var buttons = new[] { Button(DialogButtons.Resume), Button(DialogButtons.Report) };
        await turn.SendActivityAsync(replies.Message(DialogTemplates.DialogProgress, await progress.SummaryAsync(unit, cancellationToken), buttons), cancellationToken);
    }

    private async Task ReportAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (await UnitOf(turn, cancellationToken) is not { } unit) return;
        var link = await reports.PublishAsync(await progress.ReportAsync(unit, null, cancellationToken), cancellationToken);
        var summary = await progress.SummaryAsync(unit, cancellationToken);
        await turn.SendActivityAsync(replies.Message(DialogTemplates.DialogReport, new { Link = link.AbsoluteUri, Hours = reports.LinkHours, Summary = summary }), cancellationToken);
    }

    private async Task<Unit?> UnitOf(ITurnContext turn, CancellationToken cancellationToken)
    {
        var unit = await units.FindForAsync(turn, cancellationToken);
        if (unit is null) await turn.SendActivityAsync(replies.WithMenu(DialogTemplates.DialogUnitNone), cancellationToken);
        return unit;
    }

    private Knowledge.Model.ButtonSpec Button(string key)
    {
        var label = replies.Content.Part<DialogWords>().Button(key);
        return new(label, label);
    }
}
