using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AnToan.Bot.Reports;
using AnToan.Bot.Tests.Dialogs;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Bot.Tests.Announcements;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Hosting;

/// <summary>Two real hosts on one PostgreSQL database (Storage:Provider=PostgreSQL) behave as one bot.</summary>
public sealed class TwoInstancesEndToEndTests : IAsyncLifetime
{
    private readonly TestPostgresSchema? _schema = TestPostgres.SkipReason is null ? new TestPostgresSchema() : null;
    private readonly FakeTimeProvider _clock = new(NotifyHarness.Local("2021-05-01 10:00"));
    private FakeConnector _connector = null!;
    private NotifyHarness _a = null!;
    private NotifyHarness _b = null!;

    public async Task InitializeAsync()
    {
        if (_schema is null) return;
        _connector = await FakeConnector.StartAsync(_clock);
        var settings = _schema.HostSettings;
        // Started at once: the schema migration must hold with both racing for it.
        var started = await Task.WhenAll(
            NotifyHarness.StartAsync("2021-05-01 10:00", settings: settings, connector: _connector, clock: _clock),
            NotifyHarness.StartAsync("2021-05-01 10:00", settings: settings, connector: _connector, clock: _clock));
        (_a, _b) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        if (_schema is null) return;
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _connector.DisposeAsync();
        _schema.Dispose();
    }

    [PostgresFact]
    public async Task AChecklistBegunThroughOne_ContinuesThroughTheOther_AndItsProgressIsReadThroughEither()
    {
        var onA = new ChatClient(_a.Host.Client, "an", "conv-an");
        var onB = new ChatClient(_b.Host.Client, "an", "conv-an");
        await DialogHost.CreateUnitAsync(onA, "Công ty Minh Phát");
        await onA.SayAsync("danh mục việc cần làm");
        await onA.SayAsync("đã làm");
        await onA.SayAsync("bỏ qua");
        Assert.Contains(DialogHost.Item(_a.Host, 2), await onA.AskAsync("bỏ qua"));

        await onB.SayAsync("đã làm");
        await onB.SayAsync("bỏ qua");
        Assert.Contains(DialogHost.Item(_b.Host, 3), await onB.AskAsync("bỏ qua"));

        foreach (var host in new[] { _a, _b })
        {
            var units = await host.Host.Client.GetFromJsonAsync<JsonElement>("/api/admin/units");
            var unit = Assert.Single(units.EnumerateArray());
            Assert.Equal(2, unit.GetProperty("progress").GetProperty("checklistDone").GetInt32());
        }
    }

    [PostgresFact]
    public async Task AQuestionAskedThroughOne_AndItsVoteThroughTheOther_AreInBothDashboards_AsIsAnAdminAction()
    {
        var question = DialogHost.Content(_a.Host).Passages.First(p => p.Paraphrases is { Count: > 0 }).Paraphrases![0];
        await new ChatClient(_a.Host.Client, "an", "conv-an").SayAsync(question);
        await new ChatClient(_b.Host.Client, "an", "conv-an").SayAsync("👎");
        using (var reload = await _a.Host.Client.PostAsync("/api/admin/content/reload", null))
            Assert.Equal(HttpStatusCode.OK, reload.StatusCode);

        foreach (var host in new[] { _a, _b })
        {
            var questions = await host.Host.Client.GetFromJsonAsync<JsonElement>("/api/admin/questions");
            Assert.Equal(question, Assert.Single(questions.GetProperty("mostAsked").EnumerateArray()).GetProperty("text").GetString());
            var down = Assert.Single(questions.GetProperty("downVoted").EnumerateArray());
            Assert.Equal((question, 1), (down.GetProperty("question").GetString(), down.GetProperty("down").GetInt32()));
        }
        var audit = await _b.Host.Client.GetFromJsonAsync<JsonElement>("/api/admin/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "content-reload");
    }

    [PostgresFact]
    public async Task AReportLinkMadeByOne_OpensOnTheOther()
    {
        var onA = new ChatClient(_a.Host.Client, "an", "conv-an");
        await DialogHost.CreateUnitAsync(onA, "Công ty Minh Phát");
        var reply = string.Join("\n", await onA.SayAsync("xuất báo cáo"));
        var path = Regex.Match(reply, @"/reports/[0-9a-f]{32}").Value;
        Assert.True(path.Length > 0, reply);

        using var response = await _b.Host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportServices.WordContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _b.Host.Client.GetAsync("/reports/00000000000000000000000000000000")).StatusCode);
    }

    [PostgresFact]
    public async Task BothHaveCheckedInToTheQuartzCluster()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Nodes() < 2 && DateTime.UtcNow < deadline) await Task.Delay(200);

        Assert.Equal(2L, Nodes());
        Assert.Equal(1L, TestPostgres.Scalar(_schema!.ConnectionString, "SELECT count(DISTINCT sched_name) FROM qrtz_scheduler_state"));

        long? Nodes() => (long?)TestPostgres.Scalar(_schema!.ConnectionString, "SELECT count(*) FROM qrtz_scheduler_state");
    }

    [PostgresFact]
    public async Task ARunStartedOnBothAtOnce_ReachesASubscriberOnce()
    {
        await _a.SubscribeAsync("conv-a");
        await _b.SubscribeAsync("conv-b");

        var runs = await Task.WhenAll(_a.RunAsync("2021-05-09 08:00"), _b.RunAsync("2021-05-09 08:00"));

        Assert.Equal(2, runs.Sum(r => r.Delivered));
        Assert.All(runs, r => Assert.Equal(0, r.Failed));
        foreach (var conversation in new[] { "conv-a", "conv-b" })
            Assert.Single(_connector.For(conversation), r => r.ActivityId?.StartsWith("ann-") == true);
        Assert.Equal((0, 0, 0), await _b.RunAsync("2021-05-09 08:15"));
    }

    [PostgresFact]
    public async Task StoppingOne_LeavesTheOtherAnswering()
    {
        var onB = new ChatClient(_b.Host.Client, "binh", "conv-binh");
        await DialogHost.CreateUnitAsync(new ChatClient(_a.Host.Client, "binh", "conv-binh"), "Trường THCS A");

        await _a.Host.App.StopAsync();

        Assert.Equal(HttpStatusCode.OK, (await _b.Host.Client.GetAsync("/healthz")).StatusCode);
        Assert.Contains(DialogHost.Item(_b.Host, 1), await onB.AskAsync("danh mục việc cần làm"));
        await _b.SubscribeAsync("conv-b");
        Assert.Equal((1, 0, 0), await _b.RunAsync("2021-05-09 08:00"));
    }
}
