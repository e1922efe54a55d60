using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Recognizers;
using AnToan.Knowledge;
using AnToan.Knowledge.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs.Flows;

/// <summary>"tham gia K7M2QX": the command carries its argument, so it is read before the matcher (which knows only
/// "tham gia" as intent unit.join); "tham gia" alone, through the matcher, asks for the code.</summary>
public sealed class JoinCommand(DialogEngine engine, KnowledgeStore knowledge) : IMessageInterceptor, ICommandHandler
{
    public IReadOnlyCollection<string> IntentIds { get; } = [DialogIntents.UnitJoin];

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        if (CodeIn(turnContext.Activity.Text) is not { } code) return false;
        await engine.BeginAsync(turnContext, JoinUnitDialog.Name, new() { [JoinUnitDialog.Code] = code }, cancellationToken);
        return true;
    }

    public Task HandleAsync(ITurnContext turnContext, string intentId, CancellationToken cancellationToken) =>
        engine.BeginAsync(turnContext, JoinUnitDialog.Name, CodeIn(turnContext.Activity.Text) is { } code ? new() { [JoinUnitDialog.Code] = code } : null, cancellationToken);

    /// <summary>The code after a join word, typed as one word of 4 to 12 letters and digits (no diacritics) that holds a
    /// digit, is typed in capitals, or has the codes' six letters without I, L or O, which codes leave out and
    /// words after "tham gia" are full of ("truong", "hoc").</summary>
    private string? CodeIn(string? text)
    {
        var words = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 2 || AnswerRecognizer.Code(words[^1]) is not { } code) return null;
        var typed = words[^1];
        var lead = VietnameseText.Fold(string.Join(' ', words[..^1]));
        if (!knowledge.Current.Part<DialogWords>().Join.Select(VietnameseText.Fold).Contains(lead)) return null;
        var looksLikeCode = typed.Any(char.IsAsciiDigit) || typed == code || (code.Length == CodeLength && !code.Any("ILO".Contains));
        return looksLikeCode ? code : null;
    }

    private const int CodeLength = 6;
}
