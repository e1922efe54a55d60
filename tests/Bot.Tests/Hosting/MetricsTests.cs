using System.Net;
using AnToan.Bot.Tests.Dialogs;
using AnToan.Bot.Tests.Infrastructure;

namespace AnToan.Bot.Tests.Hosting;

/// <summary>Operators' metrics at /metrics: off unless Telemetry:Prometheus is true; then turns, questions answered and
/// declined, and dialogs begun, in Prometheus' text format.</summary>
/// <remarks>The meters are the process's: other hosts of the test run add to the counts, so they are at least ours.</remarks>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_AreOffByDefault()
    {
        await using var host = await TestBotHost.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_CountTurnsQuestionsAndDialogs()
    {
        await using var host = await TestBotHost.StartAsync(settings: ["Telemetry:Prometheus=true"]);
        var chat = new ChatClient(host.Client, "u", "c-metrics");
        await chat.SayAsync("hạn nộp hồ sơ công nhận là khi nào");
        await chat.SayAsync("giá vàng hôm nay bao nhiêu");
        await chat.SayAsync("danh mục việc cần làm");

        var metrics = await host.Client.GetStringAsync("/metrics");

        Assert.Matches(@"antoan_turns_total\{[^}]*type=""message""[^}]*\} ([3-9]|\d{2,})\n", metrics);
        Assert.Matches(@"antoan_questions_total\{[^}]*answered=""true""[^}]*\} [1-9]\d*\n", metrics);
        Assert.Matches(@"antoan_questions_total\{[^}]*answered=""false""[^}]*\} [1-9]\d*\n", metrics);
        Assert.Matches(@"antoan_dialogs_started_total\{[^}]*dialog=""checklist""[^}]*\} [1-9]\d*\n", metrics);
        Assert.Contains("antoan_turn_duration_milliseconds_bucket", metrics);
    }
}
