using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Units;
using Microsoft.Bot.Builder;

namespace AnToan.Dialogs.Flows;

/// <summary>"tiếp tục" with nothing paused: the list the user's unit was in (its cursor, saved by whoever answered
/// last, in any conversation or channel), at its next unanswered item — or the other list when that one is finished.</summary>
public sealed class UnitResumePoint(IUnitStore units, IEnumerable<StepDialog> dialogs) : IResumePoint
{
    private readonly UnitListDialog[] _lists = [.. dialogs.OfType<UnitListDialog>()];

    public async Task<(string DialogId, Dictionary<string, string> Values)?> FindAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await units.FindForAsync(turnContext, cancellationToken) is not { } unit) return null;
        if (await units.GetCursorAsync(unit.Id, cancellationToken) is not { } cursor || _lists.All(l => l.Id != cursor.Flow)) return null;
        foreach (var list in _lists.OrderBy(l => l.Id != cursor.Flow))
        {
            if (await list.UnfinishedItemAsync(unit, list.Id == cursor.Flow ? cursor.ItemId : null, cancellationToken) is { } item)
                return (list.Id, new() { ["item"] = item });
        }
        return null;
    }
}
