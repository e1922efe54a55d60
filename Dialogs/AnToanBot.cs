using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs;

/// <summary>The bot: welcomes new members, lets interceptors (an active dialog) take a message first,
/// then routes it (commands, questions, small talk). State is saved once at the end of each turn.</summary>
public sealed class AnToanBot(
    Replies replies,
    ConversationState conversationState,
    UserState userState,
    IMessageRouter router,
    IEnumerable<IMessageInterceptor> interceptors,
    IEnumerable<IConversationMembershipHandler> membership) : ActivityHandler
{
    private readonly IMessageInterceptor[] _interceptors = interceptors.OrderBy(i => i.Order).ToArray();

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    /// <summary>The SDK's base skips updates that name only the bot, and Teams names only the bot when it is
    /// installed in or removed from a conversation: pass every update on.</summary>
    protected override Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.MembersAdded is { Count: > 0 } added ? OnMembersAddedAsync(added, turnContext, cancellationToken)
        : turnContext.Activity.MembersRemoved is { Count: > 0 } removed ? OnMembersRemovedAsync(removed, turnContext, cancellationToken)
        : Task.CompletedTask;

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        if (membersAdded.Any(m => m.Id == botId))
            foreach (var handler in membership) await handler.OnBotAddedAsync(turnContext, cancellationToken);
        foreach (var member in membersAdded.Where(m => m.Id != botId))
            await turnContext.SendActivityAsync(replies.WithMenu("welcome", new { UserName = member.Name ?? "" }), cancellationToken);
    }

    protected override async Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersRemoved.Any(m => m.Id == turnContext.Activity.Recipient?.Id))
            foreach (var handler in membership) await handler.OnBotRemovedAsync(turnContext, cancellationToken);
    }

    /// <summary>Teams tells of an uninstall from a personal chat only by this activity, with no conversation update.</summary>
    protected override async Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var handler in membership) await handler.OnBotRemovedAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(turnContext.Activity.Text) && turnContext.Activity.Value is null)
        {
            await turnContext.SendActivityAsync(replies.WithMenu("unsupported"), cancellationToken);
            return;
        }
        foreach (var interceptor in _interceptors)
            if (await interceptor.TryHandleAsync(turnContext, cancellationToken)) return;
        await router.RouteAsync(turnContext, cancellationToken);
    }
}
