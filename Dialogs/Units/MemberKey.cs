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

    public static string NameOf(ITurnContext turn) => turn.Activity.From?.Name is { Length: > 0 } name ? name : turn.Activity.From?.Id ?? "";
}
