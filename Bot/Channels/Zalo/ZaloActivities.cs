using Microsoft.Bot.Schema;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>Turns a Zalo event into the activity the bot understands. A Zalo conversation is one user with the OA.</summary>
public static class ZaloActivities
{
    public const string ChannelId = "zalo";

    /// <returns>null for events the bot does not act on.</returns>
    /// <remarks>The SDK's ActivityHandler calls OnMembersAdded/Removed only when a member other than the bot is
    /// listed, so follow and unfollow list the user beside the bot: the bot's membership handlers
    /// (subscribe, unsubscribe) and the user's welcome both run.</remarks>
    public static Activity? From(ZaloEvent zaloEvent)
    {
        if (zaloEvent.UserId is not { Length: > 0 } userId) return null;
        var user = new ChannelAccount(userId, role: RoleTypes.User);
        var bot = new ChannelAccount(zaloEvent.OaId ?? zaloEvent.AppId, role: RoleTypes.Bot);
        var activity = zaloEvent.Kind switch
        {
            ZaloEventKind.Text or ZaloEventKind.Media => new Activity(ActivityTypes.Message)
            {
                Id = zaloEvent.MessageId,
                Text = zaloEvent.Text,
                TextFormat = TextFormatTypes.Plain,
                Attachments = zaloEvent.Attachments.Select(a => new Attachment(a.Type, a.Url)).ToList(),
            },
            ZaloEventKind.Follow => new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [bot, user] },
            ZaloEventKind.Unfollow => new Activity(ActivityTypes.ConversationUpdate) { MembersRemoved = [bot, user] },
            _ => null,
        };
        if (activity is null) return null;
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: userId);
        activity.From = user;
        activity.Recipient = bot;
        activity.Timestamp = zaloEvent.OccurredAt;
        activity.Locale = "vi-VN";
        return activity;
    }
}
