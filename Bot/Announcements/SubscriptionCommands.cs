using AnToan.Dialogs;
using Microsoft.Bot.Builder;

namespace AnToan.Bot.Announcements;

/// <summary>"đăng ký nhận thông báo" and "hủy đăng ký" (intents subscribe, unsubscribe) for the current conversation.</summary>
public sealed class SubscriptionCommands(ISubscriptionStore subscriptions, AnnouncementReplies replies) : ICommandHandler
{
    public IReadOnlyCollection<string> IntentIds { get; } = [BotIntents.Subscribe, BotIntents.Unsubscribe];

    public async Task HandleAsync(ITurnContext turnContext, string intentId, CancellationToken cancellationToken)
    {
        var reference = Subscription.ReferenceOf(turnContext.Activity);
        if (intentId == BotIntents.Subscribe)
        {
            var subscription = subscriptions.Subscribe(reference);
            await turnContext.SendActivityAsync(replies.Subscribed(subscription), cancellationToken);
        }
        else
        {
            var was = subscriptions.Unsubscribe(Subscription.KeyOf(reference.ChannelId, reference.Conversation.Id), "user");
            await turnContext.SendActivityAsync(replies.Unsubscribed(was), cancellationToken);
        }
    }
}
