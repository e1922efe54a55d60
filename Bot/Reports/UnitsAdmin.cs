using AnToan.Dialogs.Flows;
using AnToan.Dialogs.Units;

namespace AnToan.Bot.Reports;

public static class UnitsAdmin
{
    /// <summary>GET /api/admin/units: every unit with its progress (done/total per list, next deadline).</summary>
    public static void MapUnitsAdmin(this RouteGroupBuilder admin) =>
        admin.MapGet("/units", async (IUnitStore units, UnitProgress progress, CancellationToken ct) =>
        {
            var list = new List<object>();
            foreach (var unit in await units.ListAsync(ct))
                list.Add(new { unit.Id, unit.Name, unit.Type, unit.Headcount, unit.JoinCode, unit.CreatedAt, Progress = await progress.SummaryAsync(unit, ct) });
            return Results.Ok(list);
        });
}
