using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs;

/// <summary>Who a conversation speaks for, as far as Microsoft Teams tells.</summary>
public static class TeamsContext
{
    /// <summary>The id that owns a unit's progress and settings: in a Teams team, the team (every channel and every
    /// thread of it is the same unit, and each thread has a conversation id of its own); elsewhere the conversation.</summary>
    public static string UnitScopeId(IActivity activity) =>
        activity.TeamsGetTeamInfo()?.Id is { Length: > 0 } teamId ? teamId : activity.Conversation.Id;
}
