using AnToan.Knowledge.Text;
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
    TurnPipeline pipeline,
    IEnumerable<IConversationMembershipHandler> membership) : ActivityHandler
{
    private readonly IReadOnlyList<IMessageInterceptor> _interceptors = pipeline.Interceptors;

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    /// <remarks>The SDK calls OnMembersAdded/Removed only when someone other than the bot joined or left, and a
    /// Teams install adds the bot alone: the bot's own arrival and departure are dispatched here.</remarks>
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // Welcomes first: a subscription notice reads oddly before the greeting (a Zalo follow gets both).
        await base.OnConversationUpdateActivityAsync(turnContext, cancellationToken);
        var botId = turnContext.Activity.Recipient?.Id;
        if (turnContext.Activity.MembersAdded?.Any(m => m.Id == botId) == true)
            foreach (var handler in membership) await handler.OnBotAddedAsync(turnContext, cancellationToken);
        if (turnContext.Activity.MembersRemoved?.Any(m => m.Id == botId) == true)
            foreach (var handler in membership) await handler.OnBotRemovedAsync(turnContext, cancellationToken);
    }

    /// <summary>Teams also says "uninstalled" this way (personal scope).</summary>
    protected override async Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var handler in membership) await handler.OnBotRemovedAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        foreach (var member in membersAdded.Where(m => m.Id != botId))
            await turnContext.SendActivityAsync(replies.WithMenu(DialogTemplates.Welcome, new { UserName = MarkdownText.Escape(member.Name) ?? "" }), cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(turnContext.Activity.Text) && turnContext.Activity.Value is null)
        {
            await turnContext.SendActivityAsync(replies.WithMenu(DialogTemplates.Unsupported), cancellationToken);
            return;
        }
        var handled = false;
        foreach (var interceptor in _interceptors)
            if (handled = await interceptor.TryHandleAsync(turnContext, cancellationToken)) break;
        if (!handled) await router.RouteAsync(turnContext, cancellationToken);
        foreach (var interceptor in _interceptors) await interceptor.AfterTurnAsync(turnContext, cancellationToken);
    }
}
