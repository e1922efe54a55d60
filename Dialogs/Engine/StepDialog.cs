namespace AnToan.Dialogs.Engine;

/// <summary>A conversation flow as a list of steps. A step either asks a question (the next step receives the answer),
/// moves on, jumps, starts a child dialog (the next step receives its result) or ends.</summary>
/// <remarks>Interruptions (hủy, trợ giúp, quay lại, tạm dừng, tiếp tục), re-prompts and questions asked in the middle
/// are handled once by <see cref="DialogEngine"/>, not by each dialog.</remarks>
public abstract class StepDialog(string id, int version)
{
    public delegate Task<StepResult> Step(StepContext step, CancellationToken cancellationToken);

    private readonly List<Step> _steps = [];

    public string Id { get; } = id;

    /// <summary>Raise it whenever the steps change: conversations saved with another version are ended politely.</summary>
    public int Version { get; } = version;

    internal int StepCount => _steps.Count;

    internal Step this[int index] => _steps[index];

    internal int IndexOf(Step step) =>
        _steps.FindIndex(s => s.Method == step.Method) is var i and >= 0 ? i : throw new InvalidOperationException($"{Id} has no step {step.Method.Name}");

    /// <summary>The values that put the dialog on the item before the one <paramref name="values"/> are on, for
    /// "quay lại" at an item's first question; null when there is none.</summary>
    protected internal virtual Dictionary<string, string>? Before(IReadOnlyDictionary<string, string> values) => null;

    /// <summary>Whether a frame saved with <paramref name="values"/> can go on with the content in service (a content
    /// version published or restored since may have taken its items away); one that cannot is ended as outdated.</summary>
    protected internal virtual bool Fits(IReadOnlyDictionary<string, string> values) => true;

    /// <summary>Called once from the constructor, in order.</summary>
    protected void Steps(params Step[] steps) => _steps.AddRange(steps);
}

/// <summary>What a step decided.</summary>
public abstract record StepResult
{
    private StepResult() { }

    public sealed record Next(object? Result) : StepResult;
    public sealed record GoTo(StepDialog.Step Target, object? Result) : StepResult;
    public sealed record Ask(PromptSpec Prompt) : StepResult;
    public sealed record Begin(string DialogId, Dictionary<string, string> Values) : StepResult;
    public sealed record End(object? Result) : StepResult;

    /// <summary>The answer was read but cannot be used (an unknown join code): counts as a failed attempt.</summary>
    public sealed record Reject(string Template, object? Model) : StepResult;
}
