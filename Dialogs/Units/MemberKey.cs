using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;

namespace AnToan.Dialogs.Units;

/// <summary>A person as a channel knows them: the same person on Teams and on Zalo are two members of the unit.</summary>
public sealed record MemberKey(string ChannelId, string UserId)
{
    /// <summary>The channel of <see cref="TeamOf"/> keys: a team is a member of its unit beside the people in it.</summary>
    public const string TeamChannel = "msteams-team";

    public string Id => $"{ChannelId}:{UserId}";

    public static MemberKey Of(ITurnContext turn) =>
        new(turn.Activity.ChannelId ?? "", turn.Activity.From?.Id ?? "");

    /// <summary>In a channel of a Teams team, the team: every channel and thread of it (each a conversation of its
    /// own) and every member of it works on the team's unit. Null elsewhere.</summary>
    public static MemberKey? TeamOf(ITurnContext turn) =>
        turn.Activity.ChannelId == Channels.Msteams && turn.Activity.TeamsGetTeamInfo()?.Id is { Length: > 0 } teamId
            ? new(TeamChannel, teamId)
            : null;

    /// <summary>The person's name as the channel gives it (Teams, Zalo); empty when it gives none (web chat).</summary>
    public static string NameOf(ITurnContext turn) => turn.Activity.From?.Name ?? "";

    /// <summary>The name to show for a member: the recorded name, else <paramref name="unnamed"/> ("một thành viên").
    /// Records made before names were optional hold a generated user id (web chat's 32 hex digits) in place of a
    /// missing name: never shown.</summary>
    public static string Shown(string memberId, string? name, string unnamed) =>
        name is { Length: > 0 } && !IsGeneratedIdOf(memberId, name) ? name : unnamed;

    private static bool IsGeneratedIdOf(string memberId, string name) =>
        memberId.EndsWith(":" + name, StringComparison.Ordinal) && name.Length >= 16 && name.Any(char.IsAsciiDigit)
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
