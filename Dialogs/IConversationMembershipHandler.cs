using Microsoft.Bot.Builder;

namespace AnToan.Dialogs;

/// <summary>Reacts to the bot or people joining and leaving a conversation (subscriptions, stored references).</summary>
public interface IConversationMembershipHandler
{
    Task OnBotAddedAsync(ITurnContext turnContext, CancellationToken cancellationToken);

    Task OnBotRemovedAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
