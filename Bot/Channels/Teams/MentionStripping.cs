using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace AnToan.Bot.Channels.Teams;

/// <summary>In Teams channels and group chats a message reaches the bot only when it is @mentioned, and the text
/// then starts with "&lt;at&gt;AnToan.Bot&lt;/at&gt;": remove the bot's mention so commands and questions match as typed.</summary>
/// <remarks>Uses the mention entities Teams sends (the SDK's RemoveRecipientMention); mentions of other people keep
/// the person's name without the tags.</remarks>
public sealed partial class MentionStripping : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Message && !string.IsNullOrEmpty(activity.Text) && activity.Recipient is not null)
        {
            activity.RemoveRecipientMention();
            activity.Text = AtTag().Replace(activity.Text, "$1").Trim();
        }
        return next(cancellationToken);
    }

    [GeneratedRegex("<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();
}
