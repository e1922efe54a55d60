using AnToan.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Announcements;

/// <summary>Installing the bot (Teams) or following the OA (Zalo) subscribes the conversation, saying how to opt out;
/// removing the bot or unfollowing unsubscribes.</summary>
public sealed class SubscriptionMembership(ISubscriptionStore subscriptions, AnnouncementReplies replies, IOptions<AnnouncementOptions> options)
    : IConversationMembershipHandler
{
    public async Task OnBotAddedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var reference = Subscription.ReferenceOf(turnContext.Activity);
        if (!options.Value.AutoSubscribeChannels.Contains(reference.ChannelId, StringComparer.OrdinalIgnoreCase)) return;
        if (subscriptions.Find(reference.ChannelId, reference.Conversation.Id) is { Active: true }) return;
        subscriptions.Subscribe(reference);
        await turnContext.SendActivityAsync(replies.Installed(), cancellationToken);
    }

    public Task OnBotRemovedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var reference = Subscription.ReferenceOf(turnContext.Activity);
        subscriptions.Unsubscribe(Subscription.KeyOf(reference.ChannelId, reference.Conversation.Id), "removed");
        return Task.CompletedTask;
    }
}
