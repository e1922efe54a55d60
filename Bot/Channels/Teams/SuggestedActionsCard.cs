using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Channels.Teams;

/// <summary>Writes a message's text and suggested actions as an Adaptive Card, in JSON: the AdaptiveCards package
/// is not available here, and the card needs only TextBlocks and Action.Submit.</summary>
public static partial class SuggestedActionsCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The field of a button's data that <see cref="CardSubmitAsText"/> turns back into the message text.</summary>
    public const string TextField = "text";

    /// <summary>Version 1.4 renders in Teams on desktop, web and mobile; nothing newer is used.</summary>
    private const string Version = "1.4";

    /// <summary>Moves the text and the buttons of <paramref name="activity"/> into a card appended to its attachments.</summary>
    public static void Convert(Activity activity)
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JArray(TextBlocks(activity.Text).Select(t => new JObject { ["type"] = "TextBlock", ["text"] = t, ["wrap"] = true })),
            ["actions"] = new JArray(activity.SuggestedActions.Actions.Select(Action)),
        };
        activity.Attachments = [.. activity.Attachments ?? [], new Attachment(ContentType, content: card)];
        activity.SuggestedActions = null;
        activity.Text = null;
    }

    /// <summary>A TextBlock renders a subset of Markdown: one block per line, except that the lines of a list stay
    /// together so they render as a list; blank lines only separate blocks.</summary>
    private static IEnumerable<string> TextBlocks(string? text)
    {
        var list = new List<string>();
        foreach (var line in (text ?? "").ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()))
        {
            if (ListItem().IsMatch(line)) { list.Add(line); continue; }
            if (list.Count > 0) { yield return string.Join("\n", list); list.Clear(); }
            if (line.Length > 0) yield return line;
        }
        if (list.Count > 0) yield return string.Join("\n", list);
    }

    /// <summary>A button's data is what the click sends back as the message's Value: <c>{ "text": value }</c>, and
    /// for a messageBack button its hidden value's fields beside that text.</summary>
    /// <remarks>No <c>msteams</c> field (imBack would echo the choice as the user's message in Teams): the Agents
    /// Playground 0.2.28 fails on any card whose submit data has one ("Cannot add property msTeams, object is not
    /// extensible") and sends nothing.</remarks>
    private static JObject Action(CardAction action)
    {
        if (action.Type == ActionTypes.OpenUrl)
            return new JObject { ["type"] = "Action.OpenUrl", ["title"] = action.Title, ["url"] = action.Value?.ToString() };
        var data = action.Type == ActionTypes.MessageBack && action.Value is not null and not string
            ? JObject.FromObject(action.Value)
            : new JObject();
        data[TextField] = action.Type == ActionTypes.MessageBack ? action.Text : action.Value?.ToString() ?? action.Title;
        return new JObject { ["type"] = "Action.Submit", ["title"] = action.Title, ["data"] = data };
    }

    [GeneratedRegex(@"^\s*([-*+]|\d+[.)])\s")]
    private static partial Regex ListItem();
}
