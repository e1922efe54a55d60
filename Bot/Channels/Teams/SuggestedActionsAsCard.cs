using Microsoft.Bot.Builder;
using ChannelIds = Microsoft.Bot.Connector.Channels;
using Microsoft.Bot.Schema;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace AnToan.Bot.Channels.Teams;

/// <summary>Teams shows suggested actions only in personal chats, and not at all on announcements in a channel:
/// on the msteams channel every outgoing message with buttons becomes an Adaptive Card with the same text and buttons.</summary>
/// <remarks>Other channels (web chat, Zalo, the Emulator) keep the text and suggested actions unchanged.</remarks>
public sealed class SuggestedActionsAsCard : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.ChannelId == ChannelIds.Msteams)
            turnContext.OnSendActivities((_, activities, nextSend) =>
            {
                foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message && a.SuggestedActions?.Actions is { Count: > 0 }))
                    SuggestedActionsCard.Convert(activity);
                return nextSend();
            });
        return next(cancellationToken);
    }
}
