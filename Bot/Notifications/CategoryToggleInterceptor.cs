using AnToan.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Notifications;

/// <summary>Turns a category on or off when one of the category buttons comes back.</summary>
/// <remarks>Runs before dialogs so a button pressed during a checklist still works; the labels carry an icon
/// and a prefix nobody types as a question.</remarks>
public sealed class CategoryToggleInterceptor(SubscriptionStore subscriptions, NotificationReplies replies) : IMessageInterceptor
{
    public int Order => -90;

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        if (replies.ToggledCategory(turnContext.Activity.Text) is not { } category) return false;
        var subscription = subscriptions.Toggle(SubscriptionStore.ReferenceOf(turnContext.Activity), category);
        await turnContext.SendActivityAsync(replies.Toggled(subscription), cancellationToken);
        return true;
    }
}
