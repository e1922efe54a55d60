namespace AnToan.Dialogs.Units;

/// <summary>Units, their members and their progress. Implemented over LiteDB in the host (Bot/Storage/UnitStore.cs).</summary>
/// <remarks>Answers are separate records, one per answer, never a read-modify-write of one document: two members
/// answering at the same time both keep their answers, and the latest answer per item is the unit's.</remarks>
public interface IUnitStore
{
    Task<Unit?> FindByMemberAsync(MemberKey member, CancellationToken cancellationToken);

    /// <summary>Creates the unit with a fresh, unique join code and makes the creator its first member.</summary>
    Task<Unit> CreateAsync(NewUnit unit, MemberKey creator, string creatorName, CancellationToken cancellationToken);

    /// <summary>Adds the member to the unit with this join code (case and spaces ignored); null when no unit has it.</summary>
    Task<Unit?> JoinAsync(string joinCode, MemberKey member, string memberName, CancellationToken cancellationToken);

    Task SaveAnswerAsync(UnitAnswer answer, CancellationToken cancellationToken);

    /// <summary>The latest answer per item of one list.</summary>
    Task<IReadOnlyDictionary<string, UnitAnswer>> GetAnswersAsync(string unitId, string list, CancellationToken cancellationToken);

    Task SaveCursorAsync(UnitCursor cursor, CancellationToken cancellationToken);

    Task<UnitCursor?> GetCursorAsync(string unitId, CancellationToken cancellationToken);
}

/// <param name="Type">co-quan | doanh-nghiep | nha-truong (as tagged in criteria.json).</param>
public sealed record Unit(string Id, string Name, string Type, long? Headcount, string JoinCode, DateTimeOffset CreatedAt);

public sealed record NewUnit(string Name, string Type, long? Headcount);

/// <summary>One answer of a member for one item of a list, with who and when.</summary>
/// <param name="List">See <see cref="UnitLists"/>.</param>
/// <param name="Status">A choice value of dialogs.json (done/doing/todo, met/partial/unmet).</param>
public sealed record UnitAnswer(
    string UnitId, string List, string ItemId, string Status, DateOnly? Date, string? Note,
    string AnsweredBy, string AnsweredByName, DateTimeOffset AnsweredAt);

/// <summary>Where the unit was in a flow: "tiếp tục" from any conversation of a member starts there.</summary>
public sealed record UnitCursor(string UnitId, string Flow, string ItemId, DateTimeOffset UpdatedAt);

public static class UnitLists
{
    public const string Checklist = "checklist";
    public const string Assessment = "assessment";

    /// <summary>Separates a list from the guidance year it is kept for ("checklist@2026").</summary>
    public const char YearSeparator = '@';

    /// <summary>The list of one guidance year: a unit's answers are kept per year, so a new year's checklist starts
    /// empty and earlier years stay in history. Without a year (content with no year's guidance), the list itself.</summary>
    public static string Of(string list, int? year) => year is { } y ? $"{list}{YearSeparator}{y}" : list;

    /// <summary>The list and year of a stored list name.</summary>
    public static (string List, int? Year) Parse(string stored) =>
        stored.LastIndexOf(YearSeparator) is var at and >= 0 && int.TryParse(stored.AsSpan(at + 1), out var year)
            ? (stored[..at], year)
            : (stored, null);
}
