using AnToan.Dialogs.Engine;
using AnToan.Knowledge;
using AnToan.Knowledge.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Dialogs.Flows;

/// <summary>"tham gia K7M2QX": the command carries its argument, so it is read before the matcher (which knows only
/// "tham gia" as intent unit.join); "tham gia" alone, through the matcher, asks for the code.</summary>
public sealed class JoinCommand(DialogEngine engine, KnowledgeStore knowledge) : IMessageInterceptor, ICommandHandler
{
    public int Order => 10;

    public IReadOnlyCollection<string> IntentIds { get; } = ["unit.join"];

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        if (CodeIn(turnContext.Activity.Text) is not { } code) return false;
        await engine.BeginAsync(turnContext, JoinUnitDialog.Name, new() { [JoinUnitDialog.Code] = code }, cancellationToken);
        return true;
    }

    public Task HandleAsync(ITurnContext turnContext, string intentId, CancellationToken cancellationToken) =>
        engine.BeginAsync(turnContext, JoinUnitDialog.Name, CodeIn(turnContext.Activity.Text) is { } code ? new() { [JoinUnitDialog.Code] = code } : null, cancellationToken);

    /// <summary>The code after a join word: one word of 4 to 12 letters and digits, holding at least one digit.</summary>
    private string? CodeIn(string? text)
    {
        var folded = VietnameseText.Fold(text);
        foreach (var word in knowledge.Current.Part<DialogWords>().Join.Select(VietnameseText.Fold))
        {
            if (!folded.StartsWith(word + " ", StringComparison.Ordinal)) continue;
            var rest = folded[(word.Length + 1)..].Trim();
            if (rest.Length is >= 4 and <= 12 && rest.All(char.IsAsciiLetterOrDigit) && rest.Any(char.IsAsciiDigit))
                return rest.ToUpperInvariant();
        }
        return null;
    }
}
