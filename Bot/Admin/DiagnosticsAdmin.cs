namespace AnToan.Bot.Admin;

public static class DiagnosticsAdmin
{
    /// <summary>GET /api/admin/diagnostics: the process's allocation and GC counters, for the load benchmark
    /// (bench/Load.Bench divides the difference by the turns it sent) and for an operator's quick look.</summary>
    public static void MapDiagnosticsAdmin(this RouteGroupBuilder admin) =>
        admin.MapGet("/diagnostics", () => Results.Json(new
        {
            allocatedBytes = GC.GetTotalAllocatedBytes(precise: false),
            gen0 = GC.CollectionCount(0),
            gen1 = GC.CollectionCount(1),
            gen2 = GC.CollectionCount(2),
            heapBytes = GC.GetTotalMemory(forceFullCollection: false),
            workingSetBytes = Environment.WorkingSet,
        }));
}
