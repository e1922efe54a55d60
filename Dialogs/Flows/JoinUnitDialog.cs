using AnToan.Knowledge.Text;
using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Units;

namespace AnToan.Dialogs.Flows;

/// <summary>A colleague joins a unit by its code ("tham gia K7M2QX"), or is asked for the code.</summary>
public sealed class JoinUnitDialog : StepDialog
{
    public const string Name = "unit.join";

    /// <summary>The code typed with the command, if any.</summary>
    public const string Code = "code";

    private readonly IUnitStore _units;
    private readonly JoinThrottle _throttle;

    public JoinUnitDialog(IUnitStore units, JoinThrottle throttle) : base(Name, version: 1)
    {
        _units = units;
        _throttle = throttle;
        Steps(AskCodeStepAsync, JoinStepAsync);
    }

    private async Task<StepResult> AskCodeStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        if (step.Values.Remove(Code, out var code)) return step.Next(code);
        return await IsLockedAsync(step, cancellationToken)
            ? step.End()
            : step.Prompt(new PromptSpec(PromptKind.Code, DialogTemplates.DialogUnitJoinCode) { PlaceTemplate = DialogTemplates.DialogUnitJoinCodePlace });
    }

    private async Task<StepResult> JoinStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        if (await IsLockedAsync(step, cancellationToken)) return step.End();
        var code = (string)step.Result!;
        var unit = await _units.JoinForAsync(code, step.Turn, cancellationToken);
        if (unit is not null)
        {
            await step.SendAsync(DialogTemplates.DialogUnitJoined, new { Name = MarkdownText.Escape(unit.Name) }, cancellationToken);
            return step.End(unit.Id);
        }
        await _throttle.FailedAsync(step.Turn, cancellationToken);
        if (!step.Values.ContainsKey("asked"))
        {
            // The code came with the command: say so and ask for it properly.
            step.Values["asked"] = "true";
            await step.SendAsync(DialogTemplates.DialogUnitJoinUnknown, new { Code = MarkdownText.Escape(code) }, cancellationToken);
            return step.GoTo(AskCodeStepAsync);
        }
        return step.Reject(DialogTemplates.DialogUnitJoinUnknown, new { Code = MarkdownText.Escape(code) });
    }

    /// <summary>Too many wrong codes lately: says when to try again, and no code is looked up.</summary>
    private async Task<bool> IsLockedAsync(StepContext step, CancellationToken cancellationToken)
    {
        if (await _throttle.LockedForAsync(step.Turn, cancellationToken) is not { } wait) return false;
        await step.SendAsync(DialogTemplates.DialogJoinLocked, new { Minutes = (int)Math.Ceiling(wait.TotalMinutes) }, cancellationToken);
        return true;
    }
}
