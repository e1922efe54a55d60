using AnToan.Knowledge.Calendar;
using AnToan.Knowledge.Model;

namespace AnToan.Bot;

/// <summary>The templates of Content/templates the host renders (channels, announcements).</summary>
public static class BotTemplates
{
    public const string Error = "error";
    public const string NotifyCategories = "notify-categories";
    public const string NotifyCategory = "notify-category";
    public const string NotifyInstalled = "notify-installed";
    public const string NotifySubscribed = "notify-subscribed";
    public const string NotifyToggle = "notify-toggle";
    public const string NotifyUnsubscribed = "notify-unsubscribed";
}

/// <summary>The intents of intents.json the host's command handlers act on by id.</summary>
public static class BotIntents
{
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
}

/// <summary>What the Bot layer's code names in the content, checked with every snapshot (see <see cref="CodeNames"/>).</summary>
public static class BotNames
{
    public static CodeNames Names { get; } =
        new("Bot", CodeNames.ConstantsOf(typeof(BotTemplates)), CodeNames.ConstantsOf(typeof(BotIntents)), CategoryNames);

    /// <summary>The calendar categories the subscriptions offer, each with its own name in notify-category.sbn: a
    /// category the template does not name would be shown to users as its code ("election").</summary>
    private static FileNames CategoryNames(KnowledgeContent content)
    {
        var named = CalendarCategories.All
            .Where(c => content.Templates.Render(BotTemplates.NotifyCategory, new { Category = c }) is { Length: > 0 } name && name != c)
            .ToHashSet(StringComparer.Ordinal);
        return new FileNames($"templates/{BotTemplates.NotifyCategory}.sbn", named, CalendarCategories.All, []);
    }
}
