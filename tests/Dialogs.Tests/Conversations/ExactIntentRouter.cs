using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs.Tests.Conversations;

/// <summary>Stands in for the knowledge matcher in dialog tests: runs a command handler when the text is one of its
/// intent's examples, and otherwise says <see cref="Marker"/>, so a test sees that the dialog let the message go.</summary>
public sealed class ExactIntentRouter(Replies replies, IEnumerable<ICommandHandler> handlers) : IMessageRouter
{
    public const string Marker = "(routed outside the dialog)";

    public async Task RouteAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var intent = IntentOf(replies, turnContext.Activity.Text);
        if (intent is not null && handlers.FirstOrDefault(h => h.IntentIds.Contains(intent.Id)) is { } handler)
            await handler.HandleAsync(turnContext, intent.Id, cancellationToken);
        else
            await turnContext.SendActivityAsync(Marker, cancellationToken: cancellationToken);
    }


    public static AnToan.Knowledge.Model.Intent? IntentOf(Replies replies, string? text) =>
        replies.Content.IntentsWithExample(text ?? "").FirstOrDefault();
}

/// <summary>Stands in for the knowledge in dialog tests: serves the intents' examples and the listed questions.</summary>
public sealed class ExactIntentAnswerer(Replies replies, params string[] questions) : AnToan.Dialogs.Engine.IQuestionAnswerer
{
    public bool Serves(string text) => questions.Contains(text) || ExactIntentRouter.IntentOf(replies, text) is not null;
}
