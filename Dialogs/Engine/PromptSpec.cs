using AnToan.Dialogs.Recognizers;

namespace AnToan.Dialogs.Engine;

/// <summary>A question a step asks: the template that words it and what a valid answer is.</summary>
/// <param name="Template">Template of Knowledge/Content/templates rendered with <paramref name="Model"/>.</param>
public sealed record PromptSpec(PromptKind Kind, string Template, object? Model = null)
{
    public IReadOnlyList<ChoiceOption> Choices { get; init; } = [];

    /// <summary>May be skipped ("bỏ qua"); the answer is then null.</summary>
    public bool Optional { get; init; }

    /// <summary>Longest free text accepted.</summary>
    public int MaxLength { get; init; } = 500;

    public long Min { get; init; } = 0;
    public long Max { get; init; } = long.MaxValue;

    /// <summary>Template explaining this question on "trợ giúp" (rendered with <see cref="Model"/>).</summary>
    public string? HelpTemplate { get; init; }

    /// <summary>Starts an item: "quay lại" from a later question returns here, and from here to the item before
    /// (<see cref="StepDialog.Before"/>).</summary>
    public bool Checkpoint { get; init; }

    /// <summary>Template naming where the dialog is ("việc 3/16"), rendered with <see cref="Model"/>, kept for the
    /// questions after it: the offer to go back after an interruption says it.</summary>
    public string? PlaceTemplate { get; init; }

    /// <summary>A choice may carry its details in the same message ("đã làm 15/3, NQ số 12"): the answer is then a
    /// <see cref="DetailedChoice"/>.</summary>
    public bool Details { get; init; }
}
