using Microsoft.Bot.Builder;

namespace AnToan.Dialogs.Engine;

/// <summary>What a step sees: the turn, the answer to the last question (or a child dialog's result) and the dialog's values.</summary>
public sealed class StepContext(ITurnContext turn, Replies replies, DialogFrame frame, object? result)
{
    public ITurnContext Turn => turn;

    /// <summary>The answer: a choice value, text, bool, long, DateOnly, null when skipped, or a child dialog's result.</summary>
    public object? Result => result;

    /// <summary>Saved with the dialog between turns.</summary>
    public Dictionary<string, string> Values => frame.Values;

    public Task SendAsync(string template, object? model, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(replies.Message(template, model), cancellationToken);

    public Task SendAsync(string template, object? model, IEnumerable<Knowledge.Model.ButtonSpec> buttons, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(replies.Message(template, model, buttons), cancellationToken);

    public StepResult Next(object? result = null) => new StepResult.Next(result);
    public StepResult GoTo(StepDialog.Step target, object? result = null) => new StepResult.GoTo(target, result);
    public StepResult Prompt(PromptSpec prompt) => new StepResult.Ask(prompt);
    public StepResult Begin(string dialogId, Dictionary<string, string>? values = null) => new StepResult.Begin(dialogId, values ?? []);
    public StepResult End(object? result = null) => new StepResult.End(result);
    public StepResult Reject(string template, object? model = null) => new StepResult.Reject(template, model);
}
