using AnToan.Knowledge;
using AnToan.Knowledge.Model;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs;

/// <summary>Turns templates and button data of the knowledge content into activities.</summary>
public sealed class Replies(KnowledgeStore knowledge)
{
    public KnowledgeContent Content => knowledge.Current;

    /// <summary>A message rendered from the named template, with optional buttons.</summary>
    public Activity Message(string template, object? model = null, IEnumerable<ButtonSpec>? buttons = null) =>
        Rendered(Content.Templates.Render(template, model), buttons);

    /// <summary>A message of text already rendered from a template, with optional buttons.</summary>
    public static Activity Rendered(string text, IEnumerable<ButtonSpec>? buttons = null)
    {
        var activity = MessageFactory.Text(text);
        activity.TextFormat = TextFormatTypes.Markdown;
        var actions = buttons?.Select(b => new CardAction(ActionTypes.ImBack, b.Title, value: b.Value)).ToList();
        if (actions is { Count: > 0 }) activity.SuggestedActions = new SuggestedActions(actions: actions);
        return activity;
    }

    /// <summary>A message with the main menu as buttons.</summary>
    public Activity WithMenu(string template, object? model = null) => Message(template, model, Content.Ui.Menu);
}
