using AnToan.Knowledge.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs;

/// <summary>The bot: welcomes new members, runs commands, answers — one turn at a time.</summary>
public sealed class AnToanBot(Replies replies, ConversationState conversationState, UserState userState) : ActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded.Where(m => m.Id != turnContext.Activity.Recipient?.Id))
            await turnContext.SendActivityAsync(replies.WithMenu("welcome", new { UserName = member.Name ?? "" }), cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            await turnContext.SendActivityAsync(replies.WithMenu("unsupported"), cancellationToken);
            return;
        }
        var folded = VietnameseText.Fold(text);
        var help = replies.Content.Intents.First(i => i.Id == "help");
        if (help.Examples.Any(e => VietnameseText.Fold(e) == folded))
        {
            await turnContext.SendActivityAsync(replies.WithMenu("help"), cancellationToken);
            return;
        }
        await turnContext.SendActivityAsync(replies.WithMenu("fallback"), cancellationToken);
    }
}
