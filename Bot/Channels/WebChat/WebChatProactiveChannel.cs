using Microsoft.Bot.Schema;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>Announcements to a web conversation: kept in its transcript and pushed to its open pages.</summary>
public sealed class WebChatProactiveChannel(WebChatAdapter adapter, IWebChatStore store) : IProactiveChannel
{
    public bool Handles(string channelId) => channelId == WebChatAdapter.ChannelId;

    public async Task<ProactiveResult> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
    {
        if (store.Find(reference.Conversation?.Id) is null) return new ProactiveResult(ProactiveOutcome.Gone);
        // Through the adapter's pipeline, so the send waits for a turn of the same conversation to finish.
        await adapter.ContinueConversationAsync(WebChatAdapter.BotAccount.Id, reference,
            (turn, ct) => turn.SendActivityAsync(activity, ct), cancellationToken);
        return ProactiveResult.Delivered;
    }
}
