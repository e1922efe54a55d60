using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;

namespace AnToan.Dialogs.Units;

/// <summary>Whose unit a turn works on: in a Teams team channel the team's (<see cref="MemberKey.TeamOf"/>), elsewhere
/// the person's. Creating or joining a unit in a team channel makes both the person and the team its members.</summary>
public static class UnitMembership
{
    /// <remarks>In a team channel only the team counts, so that every member of the team sees the same unit; a person
    /// whose unit the team does not have yet joins the team to it with "tham gia ‹mã›" there.</remarks>
    public static Task<Unit?> FindForAsync(this IUnitStore units, ITurnContext turn, CancellationToken cancellationToken) =>
        units.FindByMemberAsync(MemberKey.TeamOf(turn) ?? MemberKey.Of(turn), cancellationToken);

    public static async Task<Unit> CreateForAsync(this IUnitStore units, NewUnit unit, ITurnContext turn, CancellationToken cancellationToken)
    {
        var created = await units.CreateAsync(unit, MemberKey.Of(turn), MemberKey.NameOf(turn), cancellationToken);
        await AddTeamAsync(units, created, turn, cancellationToken);
        return created;
    }

    public static async Task<Unit?> JoinForAsync(this IUnitStore units, string joinCode, ITurnContext turn, CancellationToken cancellationToken)
    {
        var unit = await units.JoinAsync(joinCode, MemberKey.Of(turn), MemberKey.NameOf(turn), cancellationToken);
        if (unit is not null) await AddTeamAsync(units, unit, turn, cancellationToken);
        return unit;
    }

    private static async Task AddTeamAsync(IUnitStore units, Unit unit, ITurnContext turn, CancellationToken cancellationToken)
    {
        if (MemberKey.TeamOf(turn) is not { } team) return;
        var name = turn.Activity.TeamsGetTeamInfo()?.Name is { Length: > 0 } teamName ? teamName : team.UserId;
        await units.JoinAsync(unit.JoinCode, team, name, cancellationToken);
    }
}
