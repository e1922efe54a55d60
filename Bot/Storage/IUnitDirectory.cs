namespace AnToan.Bot.Storage;

/// <summary>The units, their members and every answer they gave: what the dashboard reads about units.</summary>
/// <remarks>Read side only: the dialogs' unit store writes these (<see cref="LiteUnitStore"/> and <see cref="Postgres.PostgresUnitStore"/> are both); the dashboard (Admin) reads through it.</remarks>
public interface IUnitDirectory
{
    IReadOnlyList<DirectoryUnit> Units();

    IReadOnlyList<DirectoryMember> Members();

    /// <summary>Every answer ever given, oldest first: the latest per unit, list and item is the unit's answer.</summary>
    IReadOnlyList<DirectoryAnswer> Answers();
}

/// <param name="Type">co-quan | doanh-nghiep | nha-truong.</param>
public sealed record DirectoryUnit(string Id, string Name, string Type, long? Headcount, string JoinCode, DateTimeOffset CreatedAt);

/// <param name="Id">channel:user.</param>
public sealed record DirectoryMember(string UnitId, string Id, string Name);

/// <param name="List">checklist | assessment.</param>
/// <param name="Year">The guidance year of the list (null when the content had no year's guidance).</param>
/// <param name="Status">done | doing | todo, or met | partial | unmet.</param>
public sealed record DirectoryAnswer(
    string UnitId, string List, int? Year, string ItemId, string Status, string? Date, string? Note,
    string AnsweredBy, string AnsweredByName, DateTimeOffset AnsweredAt);
