using Microsoft.Bot.Builder;

namespace AnToan.Dialogs.Units;

/// <summary>A person as a channel knows them: the same person on Teams and on Zalo are two members of the unit.</summary>
public sealed record MemberKey(string ChannelId, string UserId)
{
    public string Id => $"{ChannelId}:{UserId}";

    public static MemberKey Of(ITurnContext turn) =>
        new(turn.Activity.ChannelId ?? "", turn.Activity.From?.Id ?? "");

    public static string NameOf(ITurnContext turn) => turn.Activity.From?.Name is { Length: > 0 } name ? name : turn.Activity.From?.Id ?? "";
}
