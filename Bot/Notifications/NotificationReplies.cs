using System.Globalization;
using AnToan.Dialogs;
using AnToan.Knowledge.Calendar;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Text;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Notifications;

/// <summary>What the notification commands say, from the notify-*.sbn templates.</summary>
/// <remarks>Category buttons are plain text buttons (imBack), which every channel shows; their labels come from
/// notify-toggle.sbn, and <see cref="ToggledCategory"/> recognises a label coming back.</remarks>
public sealed class NotificationReplies(Replies replies)
{
    public Activity Subscribed(Subscription subscription) =>
        replies.Message("notify-subscribed", new { Categories = CategoryModels(subscription) }, ToggleButtons(subscription));

    public Activity Unsubscribed(bool wasSubscribed) =>
        replies.Message("notify-unsubscribed", new { WasSubscribed = wasSubscribed }, [.. IntentButton("subscribe"), .. ToggleButtons(null)]);

    public Activity CategoriesChanged(Subscription subscription) =>
        replies.Message("notify-categories", new { subscription.Active, Categories = CategoryModels(subscription) },
            subscription.Active ? ToggleButtons(subscription) : IntentButton("subscribe"));

    public Activity Installed() => replies.Message("notify-installed", null, IntentButton("unsubscribe"));

    /// <summary>When <paramref name="text"/> is a category button's label: the category and whether it turns it on.</summary>
    /// <remarks>A label says what it does ("turn off ..."), so pressing an old button twice does not flip it back.</remarks>
    public (string Category, bool On)? CategoryChoice(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var folded = VietnameseText.Fold(text);
        foreach (var category in CalendarCategories.All)
        {
            if (VietnameseText.Fold(ToggleLabel(category, subscribed: true)) == folded) return (category, false);
            if (VietnameseText.Fold(ToggleLabel(category, subscribed: false)) == folded) return (category, true);
        }
        return null;
    }

    private string CategoryName(string category) => replies.Content.Templates.Render("notify-category", new { Category = category });

    /// <summary>The button for a category: "turn off" while <paramref name="subscribed"/>, else "turn on".</summary>
    private string ToggleLabel(string category, bool subscribed) =>
        replies.Content.Templates.Render("notify-toggle", new { CategoryName = CategoryName(category), On = subscribed });

    private IEnumerable<object> CategoryModels(Subscription subscription) =>
        CalendarCategories.All.Select(c => new { Name = CategoryName(c), On = subscription.Active && subscription.Categories.Contains(c) }).ToList();

    private List<ButtonSpec> ToggleButtons(Subscription? subscription) =>
        CalendarCategories.All.Select(c => ToggleLabel(c, subscription is { Active: true } && subscription.Categories.Contains(c)))
            .Select(label => new ButtonSpec(label, label)).ToList();

    /// <summary>A button sending the first example of an intent, when intents.json has it.</summary>
    private List<ButtonSpec> IntentButton(string intentId) =>
        replies.Content.Intents.FirstOrDefault(i => i.Id == intentId)?.Examples.FirstOrDefault() is { } example
            ? [new ButtonSpec(example, example)] : [];
}
