using AnToan.Dialogs;
using Microsoft.Bot.Builder;
using ChannelIds = Microsoft.Bot.Connector.Channels;

namespace AnToan.Bot.Channels.Teams;

/// <summary>When Teams installs the bot (in a personal chat, a group chat or a team) the conversation update names
/// only the bot among the members added, so nobody would be welcomed: the bot introduces itself once.</summary>
/// <remarks>When people are added together with the bot, the bot already welcomes each of them by name.</remarks>
public sealed class TeamsInstallWelcome(Replies replies) : IConversationMembershipHandler
{
    public async Task OnBotAddedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.ChannelId != ChannelIds.Msteams || activity.MembersAdded.Any(m => m.Id != activity.Recipient?.Id)) return;
        await turnContext.SendActivityAsync(replies.WithMenu(DialogTemplates.Welcome, new { UserName = "" }), cancellationToken);
    }

    public Task OnBotRemovedAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;
}
