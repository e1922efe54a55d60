using AnToan.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace AnToan.Bot.Admin;

/// <summary>Writes a question to the <see cref="IQuestionStore"/> when the bot sends its KnowledgeAnswer trace.</summary>
/// <remarks>Watches what the bot sends rather than what users type: only messages handled as questions carry the
/// trace, so commands, dialog answers and button clicks are not counted as questions. The trace's value is the typed
/// <see cref="KnowledgeTrace"/> the answerer built, read as such (its JSON field names are the trace's own concern).
/// <para>With LiteDB the record goes into the same group commit as the turn's state, and the turn does not end (nor
/// answer, with expectReplies) before it is on disk.</para></remarks>
public sealed class QuestionLogMiddleware(IQuestionStore log, TimeProvider time) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        List<Task>? recorded = null;
        turnContext.OnSendActivities((context, activities, nextSend) =>
        {
            foreach (var activity in activities)
                if (activity is { Type: ActivityTypes.Trace, Name: KnowledgeTrace.Name, Value: KnowledgeTrace trace })
                    (recorded ??= []).Add(log.RecordAsync(new AskedQuestion(trace.Query, trace.Answered, trace.AnswerId, context.Activity.ChannelId ?? "", time.GetUtcNow())));
            return nextSend();
        });
        try { await next(cancellationToken); }
        finally
        {
            if (recorded is not null)
            {
                // Committed with the turn's state save; a turn that saved nothing commits them now.
                if (recorded.Any(t => !t.IsCompleted)) await log.FlushAsync();
                await Task.WhenAll(recorded);
            }
        }
    }
}
