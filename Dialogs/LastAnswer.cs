namespace AnToan.Dialogs;

/// <summary>The answer a 👍 or 👎 refers to: kept in conversation state until voted on or replaced.</summary>
public sealed class LastAnswer
{
    public string AnswerId { get; set; } = "";
    public string Question { get; set; } = "";
}
