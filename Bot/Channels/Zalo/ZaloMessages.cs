using System.Text.Json.Nodes;
using AnToan.Knowledge.Answers;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>Turns an outgoing activity into Zalo consultation messages: plain text in parts of at most
/// 2,000 characters, and the actions as buttons under the last part.</summary>
public static class ZaloMessages
{
    public const int MaxTextLength = 2000;

    /// <summary>Zalo's documented limit is 4 or 5 depending on the source: 4 is safe.</summary>
    public const int MaxButtons = 4;

    /// <returns>The <c>message</c> objects to send in order; none for activities Zalo cannot show (typing, traces).</returns>
    public static IReadOnlyList<JsonObject> From(IActivity activity)
    {
        if (activity.Type != ActivityTypes.Message || activity is not IMessageActivity message) return [];
        var texts = new List<string?> { message.Text };
        var actions = new List<CardAction>();
        foreach (var card in message.Attachments?.Select(HeroCardOf).OfType<HeroCard>() ?? [])
        {
            texts.AddRange([card.Title, card.Subtitle, card.Text]);
            actions.AddRange(card.Buttons ?? []);
        }
        actions.AddRange(message.SuggestedActions?.Actions ?? []);

        var text = string.Join("\n\n", texts.Where(t => !string.IsNullOrWhiteSpace(t)));
        if (message.TextFormat != TextFormatTypes.Plain) text = ZaloText.StripMarkdown(text);
        var parts = ZaloText.Split(text, MaxTextLength).Select(part => new JsonObject { ["text"] = part }).ToList();
        var buttons = Fit(actions.Select(Button).OfType<JsonObject>().ToList()).ToArray();
        if (buttons.Length > 0)
        {
            if (parts.Count == 0) parts.Add([]);
            parts[^1]["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject { ["buttons"] = new JsonArray(buttons) },
            };
        }
        return parts;
    }

    /// <summary>Four buttons chosen on purpose: they come in order of importance (a question's own answers, then the
    /// menu or suggestions), except that 👍/👎 are a pair kept whole: the suggestions before them give way, since a
    /// vote is how the administrators learn which answer to fix.</summary>
    private static IEnumerable<JsonObject> Fit(List<JsonObject> buttons)
    {
        if (buttons.Count <= MaxButtons) return buttons;
        var votes = buttons.Where(b => b["payload"] is JsonValue v && v.TryGetValue<string>(out var p) && p is AnswerComposer.ThumbsUp or AnswerComposer.ThumbsDown).ToList();
        if (votes.Count != 2) return buttons.Take(MaxButtons);
        return [.. buttons.Except(votes).Take(MaxButtons - votes.Count), .. votes];
    }

    /// <summary>Links open in the browser; every other action is sent back as the user's message, as a tap would be.</summary>
    private static JsonObject? Button(CardAction action)
    {
        var value = action.Value?.ToString() is { Length: > 0 } v ? v : action.Text ?? action.Title;
        if (string.IsNullOrWhiteSpace(value)) return null;
        var title = string.IsNullOrWhiteSpace(action.Title) ? value : action.Title;
        return action.Type switch
        {
            ActionTypes.OpenUrl => new JsonObject { ["title"] = title, ["type"] = "oa.open.url", ["payload"] = new JsonObject { ["url"] = value } },
            ActionTypes.ImBack or ActionTypes.PostBack or ActionTypes.MessageBack =>
                new JsonObject { ["title"] = title, ["type"] = "oa.query.show", ["payload"] = value },
            _ => null,
        };
    }

    private static HeroCard? HeroCardOf(Attachment attachment) =>
        attachment.ContentType != HeroCard.ContentType ? null
        : attachment.Content as HeroCard ?? (attachment.Content as JObject)?.ToObject<HeroCard>();
}
