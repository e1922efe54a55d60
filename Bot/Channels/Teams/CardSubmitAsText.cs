using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace AnToan.Bot.Channels.Teams;

/// <summary>An Adaptive Card's Action.Submit arrives as a message with no text and the button's data in Value;
/// the buttons this bot draws carry <c>{ "text": "..." }</c>, so that text becomes the message, and every prompt
/// and answer handles a click exactly as the same words typed.</summary>
public sealed class CardSubmitAsText : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Message && string.IsNullOrWhiteSpace(activity.Text)
            && activity.Value is JObject data && data[SuggestedActionsCard.TextField] is JValue { Type: JTokenType.String } text)
            activity.Text = (string?)text;
        return next(cancellationToken);
    }
}
