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

    public JoinUnitDialog(IUnitStore units) : base(Name, version: 1)
    {
        _units = units;
        Steps(AskCodeStepAsync, JoinStepAsync);
    }

    private Task<StepResult> AskCodeStepAsync(StepContext step, CancellationToken cancellationToken) =>
        Task.FromResult(step.Values.Remove(Code, out var code)
            ? step.Next(code)
            : step.Prompt(new PromptSpec(PromptKind.Text, "dialog-unit-join-code") { MaxLength = 40 }));

    private async Task<StepResult> JoinStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        var code = (string)step.Result!;
        var unit = await _units.JoinForAsync(code, step.Turn, cancellationToken);
        if (unit is not null)
        {
            await step.SendAsync("dialog-unit-joined", new { unit.Name }, cancellationToken);
            return step.End(unit.Id);
        }
        if (!step.Values.ContainsKey("asked"))
        {
            // The code came with the command: say so and ask for it properly.
            step.Values["asked"] = "true";
            await step.SendAsync("dialog-unit-join-unknown", new { Code = code }, cancellationToken);
            return step.GoTo(AskCodeStepAsync);
        }
        return step.Reject("dialog-unit-join-unknown", new { Code = code });
    }
}
