using AnToan.Bot.Announcements;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Announcements;

/// <summary>What the channel answers, and a host that stops in the middle of a fan-out.</summary>
public sealed class DeliveryFailureTests
{
    [Fact]
    public async Task Crash_InTheMiddleOfAFanOut_NoDuplicateAndNoMissAfterRestart()
    {
        var dataDir = Directory.CreateTempSubdirectory("antoan-crash-").FullName;
        var conversations = Enumerable.Range(1, 30).Select(i => $"conv-{i:00}").ToArray();
        await using var connector = await FakeConnector.StartAsync();
        var never = new TaskCompletionSource<FakeConnector.Answer>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await using (var first = await NotifyHarness.StartAsync("2021-09-20 10:00", dataDir, connector: connector))
            {
                await first.SubscribeAsync(conversations);
                // The connector accepts 10 messages, then takes the next ones without ever answering: the host
                // stops while they are in flight, between "the channel has it" and "we recorded it".
                var accepted = 0;
                connector.Respond = _ => Interlocked.Increment(ref accepted) <= 10 ? Task.FromResult(FakeConnector.Answer.Ok) : never.Task;
                using var stop = new CancellationTokenSource();
                var run = first.Services.GetRequiredService<AnnouncementDispatcher>().RunAsync(NotifyHarness.Local("2021-09-27 08:00"), stop.Token);
                await connector.WaitForAsync(12);
                stop.Cancel();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            }
            var beforeRestart = connector.Requests.Select(r => r.ConversationId).ToHashSet();
            Assert.True(beforeRestart.Count < conversations.Length, "the host stopped mid fan-out");

            connector.Respond = null;
            await using var second = await NotifyHarness.StartAsync("2021-09-27 08:05", dataDir, connector: connector);
            var (delivered, skipped, failed) = await second.RunAsync("2021-09-27 08:05");

            Assert.Equal((0, 0), (skipped, failed));
            Assert.Equal((0, 0, 0), await second.RunAsync("2021-09-27 08:30"));
            foreach (var conversation in conversations)
            {
                var received = connector.For(conversation);
                Assert.NotEmpty(received); // no miss
                Assert.Single(received.Select(r => r.ActivityId).Distinct()); // one message: a resend carries its id
                Assert.InRange(received.Count, 1, 2);
            }
            // Resent: only what the channel had taken without our record of it, at most one per send in flight.
            var resent = conversations.Where(c => connector.For(c).Count == 2).ToList();
            Assert.All(resent, c => Assert.Contains(c, beforeRestart));
            Assert.InRange(resent.Count, 1, 8);
            var recordedBeforeCrash = beforeRestart.Count - resent.Count;
            Assert.Equal(conversations.Length - recordedBeforeCrash, delivered);
        }
        finally
        {
            never.TrySetResult(FakeConnector.Answer.Ok);
            Directory.Delete(dataDir, true);
        }
    }

    [Fact]
    public async Task TooManyRequests_WaitsAsToldByRetryAfterThenDelivers()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-09-20 10:00");
        await sut.SubscribeAsync("conv-a");
        var calls = 0;
        sut.Connector.Respond = _ => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? new FakeConnector.Answer(429, 30) : FakeConnector.Answer.Ok);

        var run = sut.RunAsync("2021-09-27 08:00");
        await sut.Connector.WaitForAsync(1);
        for (var second = 0; second < 120 && sut.Connector.Requests.Count < 2; second++)
        {
            await Task.Delay(20);
            sut.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal((1, 0, 0), await run);
        var requests = sut.Connector.For("conv-a");
        Assert.Equal(2, requests.Count);
        Assert.InRange(requests[1].At - requests[0].At, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(33));
        Assert.Equal(requests[0].ActivityId, requests[1].ActivityId);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithGrowingBackoff()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-09-20 10:00");
        await sut.SubscribeAsync("conv-a");
        var calls = 0;
        sut.Connector.Respond = _ => Task.FromResult(Interlocked.Increment(ref calls) <= 2 ? new FakeConnector.Answer(500) : FakeConnector.Answer.Ok);

        var run = sut.RunAsync("2021-09-27 08:00");
        for (var step = 0; step < 200 && sut.Connector.Requests.Count < 3; step++)
        {
            await Task.Delay(20);
            sut.Clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Equal((1, 0, 0), await run);
        var r = sut.Connector.For("conv-a");
        Assert.Equal(3, r.Count);
        Assert.True(r[1].At - r[0].At >= TimeSpan.FromSeconds(2), $"first backoff {r[1].At - r[0].At}");
        Assert.True(r[2].At - r[1].At >= TimeSpan.FromSeconds(4), $"second backoff {r[2].At - r[1].At}");
    }

    [Fact]
    public async Task StillFailing_IsCountedFailedAndTriedAgainNextRun()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-09-20 10:00",
            settings: ["Announcements:MaxAttempts=1"]);
        await sut.SubscribeAsync("conv-a");
        sut.Connector.Respond = _ => Task.FromResult(new FakeConnector.Answer(503));

        Assert.Equal((0, 0, 1), await sut.RunAsync("2021-09-27 08:00"));
        sut.Connector.Respond = null;
        Assert.Equal((1, 0, 0), await sut.RunAsync("2021-09-27 08:15"));
        Assert.Equal((0, 0, 0), await sut.RunAsync("2021-09-27 08:30"));

        var r = sut.Connector.For("conv-a");
        Assert.Equal(2, r.Count);
        Assert.Equal(r[0].ActivityId, r[1].ActivityId);
    }

    [Fact]
    public async Task Forbidden_EndsTheSubscription()
    {
        await using var sut = await NotifyHarness.StartAsync("2021-09-20 10:00");
        await sut.SubscribeAsync("conv-blocked", "conv-ok");
        sut.Connector.Respond = r => Task.FromResult(r.ConversationId == "conv-blocked" ? new FakeConnector.Answer(403) : FakeConnector.Answer.Ok);

        Assert.Equal((1, 0, 1), await sut.RunAsync("2021-09-27 08:00"));
        Assert.Equal((1, 0, 0), await sut.RunAsync("2021-10-04 08:00"));

        Assert.Single(sut.Connector.For("conv-blocked"));
        Assert.Equal(2, sut.Connector.For("conv-ok").Count);
    }
}
