using AnToan.Bot.Announcements;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace AnToan.Bot.Tests.Announcements;

/// <summary>The Quartz job on its cron, on the host's (fake) clock, and the scheduler's health.</summary>
public sealed class SchedulerTests
{
    [Fact]
    public async Task Job_OnItsCron_DeliversWhatBecameDue()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-09 07:50", settings: ["Announcements:Cron=0 0/15 * * * ?"]);
        await sut.SubscribeAsync("conv-a");

        var scheduler = await sut.Host.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        sut.Clock.Advance(TimeSpan.FromMinutes(5)); // 07:55: the 07:45 tick has passed, the job waits for 08:00

        var trigger = await scheduler.GetTrigger(new TriggerKey(AnnouncementJob.Key.Name));
        Assert.Equal(NotifyHarness.Local("2021-05-09 08:00"), trigger?.NextFireTimeUtc);
        Assert.Null(trigger?.PreviousFireTimeUtc);
        Assert.Empty(sut.Connector.Requests);

        for (var i = 0; i < 100 && sut.Connector.Requests.IsEmpty; i++) // 08:00 tick, give the scheduler thread time to see it
        {
            if (i == 0) sut.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }

        Assert.Contains("Còn 14 ngày nữa", Assert.Single(sut.Connector.For("conv-a")).Text);
    }

    /// <summary>A scheduled run waiting out a connector's Retry-After must not hold the host's shutdown: Quartz waits
    /// for running jobs, and on the host's clock the wait would never end.</summary>
    [Fact]
    public async Task Stop_WhileAScheduledRunWaitsOutRetryAfter_EndsPromptly_AndTheDeliveryIsLeftDue()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-09-20 10:00");
        await sut.SubscribeAsync("conv-a");
        sut.Connector.Respond = _ => Task.FromResult(new FakeConnector.Answer(429, 30));
        sut.SetNow("2021-09-27 08:00");

        var scheduler = await sut.Host.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(AnnouncementJob.Key);
        await sut.Connector.WaitForAsync(1);

        await sut.Host.App.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var deliveries = sut.Services.GetRequiredService<IDeliveryStore>().Recent(10);
        Assert.DoesNotContain(deliveries, d => d.State == DeliveryState.Delivered);
        Assert.Equal(DeliveryState.Pending, Assert.Single(deliveries).State);
    }

    [Fact]
    public async Task Health_WithTheSchedulerRunning_IsHealthy()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-09 07:50");

        // Quartz starts once the application has started, a moment after the host: poll, as a load balancer would.
        var status = System.Net.HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 50 && status != System.Net.HttpStatusCode.OK; i++)
        {
            if (i > 0) await Task.Delay(100);
            status = (await sut.Host.Client.GetAsync("/healthz")).StatusCode;
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("Announcements:Cron=every quarter hour")]
    [InlineData("Announcements:QuietHours=9pm-7am")]
    [InlineData("Announcements:SendAt=8h")]
    [InlineData("Announcements:GraceDays=-1")]
    [InlineData("Notifications:SendAt=8h")] // the section's former name is still read
    public async Task Start_WithABadSetting_FailsNamingIt(string setting)
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => NotifyHarness.StartAsync("2021-05-09 07:50", settings: [setting]));

        Assert.Contains(setting.Split('=')[0].Split(':')[1], e.Message);
    }

    [Fact]
    public async Task ASettingUnderTheSectionsFormerName_IsRead_OverTheShippedDefaults()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-05-09 07:50", settings: ["Notifications:SendAt=06:00"]);

        var options = sut.Host.App.Services.GetRequiredService<IOptions<AnnouncementOptions>>().Value;
        Assert.Equal(("06:00", 3), (options.SendAt, options.GraceDays)); // GraceDays: the shipped 3
    }
}
