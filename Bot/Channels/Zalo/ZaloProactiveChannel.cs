using Microsoft.Bot.Schema;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>Announcements to Zalo users, who can be reached only within 7 days of their last message.</summary>
public sealed class ZaloProactiveChannel(ZaloApiClient api, IZaloUserStore users, TimeProvider clock) : IProactiveChannel
{
    public bool Handles(string channelId) => channelId == ZaloActivities.ChannelId;

    /// <remarks>Users outside the window are not even tried: Zalo would refuse (-230) and count it against the OA.
    /// When a long announcement fails half-way, the result is the failure; a retry resends it whole.</remarks>
    public async Task<ProactiveResult> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
    {
        var userId = reference.Conversation?.Id ?? reference.User?.Id;
        if (string.IsNullOrEmpty(userId)) return new ProactiveResult(ProactiveOutcome.Failed, Detail: "No Zalo user id in the reference");
        if (!users.IsWithinWindow(userId, clock.GetUtcNow())) return new ProactiveResult(ProactiveOutcome.OutsideWindow);
        foreach (var message in ZaloMessages.From(activity))
        {
            var sent = await api.SendAsync(userId, message, cancellationToken);
            if (sent.Result.Outcome != ProactiveOutcome.Delivered) return sent.Result;
        }
        return ProactiveResult.Delivered;
    }
}
