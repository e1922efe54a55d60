using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Model;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs;

/// <summary>Routes a message by what it matches: a command or dialog starter runs its handler, help and small talk
/// get their templates, the calendar intents are answered from the calendar unless a handler takes them, anything
/// else is answered as a question.</summary>
/// <remarks>Commands share one index with the guidance (intents.json), so "tự đánh giá" and "hạn nộp hồ sơ" are
/// told apart by the same matcher. An intent nobody handles yet is not a dead end: the message is answered as a
/// question, or gets the help menu, as does a message without a word.</remarks>
public sealed class KnowledgeRouter(Replies replies, QuestionAnswerer answerer, IEnumerable<ICommandHandler> handlers) : IMessageRouter
{
    private const string HelpIntent = DialogIntents.Help;
    private const string IntroIntent = DialogIntents.QaIntro;

    private readonly ICommandHandler[] _handlers = handlers.ToArray();

    public async Task RouteAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? "";
        var match = answerer.Match(text);
        // Words the search leaves out ("bạn là ai") still say something when they are an intent's example.
        var intent = match.IsIntent(out var matched) ? matched : match.Wordless ? ExampleOf(text) : null;
        // "?", "...", an emoji: nothing to look up, so no "chưa có thông tin" either.
        if (intent is null && match.Wordless)
            await turnContext.SendActivityAsync(replies.WithMenu(DialogTemplates.Help), cancellationToken);
        else if (intent is null)
            await answerer.AnswerAsync(turnContext, match, cancellationToken);
        else if (_handlers.FirstOrDefault(h => h.IntentIds.Contains(intent.Id)) is { } handler)
            await handler.HandleAsync(turnContext, intent.Id, cancellationToken);
        else if (AnswerComposer.CalendarIntents.Contains(intent.Id))
            await answerer.AnswerAsync(turnContext, match, cancellationToken);
        else if (intent.Id == HelpIntent)
            await turnContext.SendActivityAsync(replies.WithMenu(DialogTemplates.Help), cancellationToken);
        else if (intent.Id == IntroIntent)
            await turnContext.SendActivityAsync(replies.Message(DialogTemplates.QaIntro, null, AnswerComposer.Examples(match.Index)), cancellationToken);
        else if (intent.Kind == SmallTalk.Kind && replies.Content.Templates.Has(SmallTalk.Template(intent.Id)))
            await turnContext.SendActivityAsync(replies.Message(SmallTalk.Template(intent.Id)), cancellationToken);
        else
            await UnhandledAsync(turnContext, cancellationToken);
    }

    private Intent? ExampleOf(string text) => replies.Content.IntentsWithExample(text).FirstOrDefault();

    /// <summary>An intent without a handler: answer the message as a question if the knowledge can, else show help.</summary>
    private async Task UnhandledAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var match = answerer.Match(turnContext.Activity.Text ?? "", QuestionAnswerer.IsKnowledge);
        if (match.Answered)
        {
            await answerer.AnswerAsync(turnContext, match, cancellationToken);
            return;
        }
        await answerer.UnansweredAsync(turnContext, match, cancellationToken);
        await turnContext.SendActivityAsync(replies.WithMenu(DialogTemplates.Help), cancellationToken);
    }
}
