using System.Diagnostics.Metrics;

namespace AnToan.Dialogs.Engine;

/// <summary>Dialogs begun and finished, by dialog, for operators (meter <see cref="MeterName"/>; the host exports it at
/// /metrics when Telemetry:Prometheus is on, and nothing is recorded while nobody listens).</summary>
public static class DialogMetrics
{
    public const string MeterName = "AnToan.Dialogs";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Started = Meter.CreateCounter<long>("antoan.dialogs.started", description: "Dialogs begun");
    private static readonly Counter<long> Finished = Meter.CreateCounter<long>("antoan.dialogs.finished", description: "Dialogs that ran to their end");

    public static void Start(string dialogId) => Started.Add(1, new KeyValuePair<string, object?>("dialog", dialogId));

    public static void Finish(string dialogId) => Finished.Add(1, new KeyValuePair<string, object?>("dialog", dialogId));
}
