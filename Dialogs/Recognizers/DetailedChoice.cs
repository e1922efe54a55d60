namespace AnToan.Dialogs.Recognizers;

/// <summary>A choice answered with its details in the same message: "đã làm 15/3, NQ số 12".</summary>
/// <param name="Details">Everything after the choice ("15/3, NQ số 12").</param>
/// <param name="Note">The details without the date ("NQ số 12"); null when nothing is left.</param>
public sealed record DetailedChoice(string Value, DateOnly? Date, string Details, string? Note);
