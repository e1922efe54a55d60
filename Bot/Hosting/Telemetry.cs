using System.Diagnostics;
using System.Diagnostics.Metrics;
using AnToan.Dialogs;
using AnToan.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OpenTelemetry.Metrics;

namespace AnToan.Bot.Hosting;

/// <summary>What operators watch, as OpenTelemetry instruments of meter <see cref="MeterName"/>: turns and their
/// duration, questions answered or declined, announcements delivered, skipped or failed (dialogs begun and finished
/// are <see cref="DialogMetrics"/>'). Exported in Prometheus' format at /metrics when Telemetry:Prometheus is true.</summary>
public static class BotMetrics
{
    public const string MeterName = "AnToan.Bot";

    private static readonly Meter Meter = new(MeterName);
    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("antoan.turns", description: "Activities handled");
    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("antoan.turn.duration", "ms", "Time to handle an activity");
    public static readonly Counter<long> Questions = Meter.CreateCounter<long>("antoan.questions", description: "Messages handled as questions, by answered");
    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("antoan.deliveries", description: "Announcements by outcome");

    public static void Delivered(Announcements.DeliveryRunResult result)
    {
        Deliveries.Add(result.Delivered, new KeyValuePair<string, object?>("outcome", "delivered"));
        Deliveries.Add(result.Skipped, new KeyValuePair<string, object?>("outcome", "skipped"));
        Deliveries.Add(result.Failed, new KeyValuePair<string, object?>("outcome", "failed"));
    }

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TurnMetricsMiddleware>();
        if (configuration.GetValue("Telemetry:Prometheus", false))
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(MeterName, DialogMetrics.MeterName)
                .AddPrometheusExporter());
        return services;
    }

    /// <summary>/metrics, when Telemetry:Prometheus is true (404 otherwise). Counts only: nothing a user said.</summary>
    public static void MapTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetValue("Telemetry:Prometheus", false)) app.MapPrometheusScrapingEndpoint();
    }
}

/// <summary>Counts every turn and its duration, and the questions among them by whether they were answered (from the
/// KnowledgeAnswer trace the bot sends with each).</summary>
public sealed class TurnMetricsMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        turnContext.OnSendActivities((context, activities, nextSend) =>
        {
            foreach (var trace in activities.Where(a => a.Type == ActivityTypes.Trace && a.Name == KnowledgeTrace.Name))
                BotMetrics.Questions.Add(1, new KeyValuePair<string, object?>("answered", trace.Value is Dialogs.KnowledgeTrace { Answered: true }));
            return nextSend();
        });
        var started = Stopwatch.GetTimestamp();
        try { await next(cancellationToken); }
        finally
        {
            var type = new KeyValuePair<string, object?>("type", turnContext.Activity.Type ?? "");
            BotMetrics.Turns.Add(1, type);
            BotMetrics.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, type);
        }
    }
}
