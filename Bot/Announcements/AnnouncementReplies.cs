using System.Globalization;
using AnToan.Dialogs;
using AnToan.Knowledge.Calendar;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Text;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Announcements;

/// <summary>What the notification commands say, from the notify-*.sbn templates.</summary>
/// <remarks>Category buttons are plain text buttons (imBack), which every channel shows; their labels come from
/// notify-toggle.sbn, and <see cref="CategoryChoice"/> recognises a label coming back.
/// <para>Category names and button labels are rendered once per content snapshot (they depend on nothing else), so
/// recognising a label, which every message goes through, costs a fold and a lookup rather than ~16 renders.</para></remarks>
public sealed class AnnouncementReplies(Replies replies)
{
    private Labels? _labels;

    public Activity Subscribed(Subscription subscription) =>
        replies.Message(BotTemplates.NotifySubscribed, new { Categories = CategoryModels(subscription) }, ToggleButtons(subscription));

    public Activity Unsubscribed(bool wasSubscribed) =>
        replies.Message(BotTemplates.NotifyUnsubscribed, new { WasSubscribed = wasSubscribed }, [.. IntentButton(BotIntents.Subscribe), .. ToggleButtons(null)]);

    public Activity CategoriesChanged(Subscription subscription) =>
        replies.Message(BotTemplates.NotifyCategories, new { subscription.Active, Categories = CategoryModels(subscription) },
            subscription.Active ? ToggleButtons(subscription) : IntentButton(BotIntents.Subscribe));

    public Activity Installed() => replies.Message(BotTemplates.NotifyInstalled, null, IntentButton(BotIntents.Unsubscribe));

    /// <summary>When <paramref name="text"/> is a category button's label: the category and whether it turns it on.</summary>
    /// <remarks>A label says what it does ("turn off ..."), so pressing an old button twice does not flip it back.</remarks>
    public (string Category, bool On)? CategoryChoice(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Current().Choices.TryGetValue(VietnameseText.Fold(text), out var choice) ? choice : null;
    }

    private string CategoryName(string category) => Current().Names[category];

    /// <summary>The button for a category: "turn off" while <paramref name="subscribed"/>, else "turn on".</summary>
    private string ToggleLabel(string category, bool subscribed) => Current().Toggles[(category, subscribed)];

    /// <summary>The names and labels of the current content, rendered when the content changed since the last call.</summary>
    private Labels Current()
    {
        var content = replies.Content;
        var labels = _labels;
        if (labels?.Content == content) return labels;
        // Two turns may build them at once after a change: both get the same result, the last one is kept.
        labels = Labels.Render(content);
        _labels = labels;
        return labels;
    }

    private sealed record Labels(
        KnowledgeContent Content,
        Dictionary<string, string> Names,
        Dictionary<(string Category, bool Subscribed), string> Toggles,
        Dictionary<string, (string Category, bool On)> Choices)
    {
        public static Labels Render(KnowledgeContent content)
        {
            var names = CalendarCategories.All.ToDictionary(c => c, c => content.Templates.Render(BotTemplates.NotifyCategory, new { Category = c }));
            var toggles = new Dictionary<(string, bool), string>();
            var choices = new Dictionary<string, (string, bool)>();
            foreach (var category in CalendarCategories.All)
                foreach (var subscribed in new[] { true, false })
                {
                    var label = content.Templates.Render(BotTemplates.NotifyToggle, new { CategoryName = names[category], On = subscribed });
                    toggles[(category, subscribed)] = label;
                    // Pressing "turn off" turns it off; the first category to claim a label keeps it, as before.
                    choices.TryAdd(VietnameseText.Fold(label), (category, !subscribed));
                }
            return new Labels(content, names, toggles, choices);
        }
    }

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
