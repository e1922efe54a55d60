using AnToan.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Announcements;

/// <summary>Turns a category on or off when one of the category buttons comes back.</summary>
/// <remarks>Runs before dialogs so a button pressed during a checklist still works; the labels carry an icon
/// and a prefix nobody types as a question.</remarks>
public sealed class CategoryChoiceInterceptor(ISubscriptionStore subscriptions, AnnouncementReplies replies) : IMessageInterceptor
{
    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        if (replies.CategoryChoice(turnContext.Activity.Text) is not var (category, on)) return false;
        var subscription = subscriptions.SetCategory(Subscription.ReferenceOf(turnContext.Activity), category, on);
        await turnContext.SendActivityAsync(replies.CategoriesChanged(subscription), cancellationToken);
        return true;
    }
}
