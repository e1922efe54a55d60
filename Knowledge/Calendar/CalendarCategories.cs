namespace AnToan.Knowledge.Calendar;

/// <summary>The categories of calendar.json, which subscriptions choose among.</summary>
public static class CalendarCategories
{
    public const string Observance = "observance";
    public const string Campaign = "campaign";
    public const string Election = "election";
    public const string Deadline = "deadline";

    public static readonly IReadOnlyList<string> All = [Observance, Campaign, Election, Deadline];

    /// <summary>What to say of a category the code does not know: "one of observance, campaign, …".</summary>
    public static string OneOf { get; } = $"one of {string.Join(", ", All)}";
}
