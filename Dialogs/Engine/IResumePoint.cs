using Microsoft.Bot.Builder;

namespace AnToan.Dialogs.Engine;

/// <summary>Where "tiếp tục" goes when no dialog of the conversation is paused: the dialog and the item its owner
/// says were left unfinished (for the unit lists: the unit's cursor, see <see cref="Flows.UnitResumePoint"/>).</summary>
public interface IResumePoint
{
    /// <returns>The dialog to begin and the values to begin it with; null when nothing is left to resume.</returns>
    Task<(string DialogId, Dictionary<string, string> Values)?> FindAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
