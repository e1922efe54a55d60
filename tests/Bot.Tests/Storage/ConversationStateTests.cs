using AnToan.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AnToan.Bot.Tests.Storage.ConversationTraffic;

namespace AnToan.Bot.Tests.Storage;

public sealed class ConversationStateTests
{
    [Fact]
    public async Task Turns_ContinueOnASecondHostOverTheSameFile()
    {
        var dataDir = Directory.CreateTempSubdirectory("antoan-restart-").FullName;
        try
        {
            await using (var first = await TestBotHost.StartAsync(dataDir))
                for (var i = 0; i < 3; i++)
                    Assert.True(await SendAsync(first.Client, "restart-conv", $"message {i}"));

            var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero));
            await using var second = await TestBotHost.StartAsync(dataDir, clock: clock);
            Assert.True(await SendAsync(second.Client, "restart-conv", "message 3"));

            var activity = await ReadActivityAsync(second.App.Services.GetRequiredService<IStorage>(), "restart-conv");
            Assert.NotNull(activity);
            Assert.Equal(4, activity.Turns);
            Assert.Equal(clock.GetUtcNow(), activity.LastActivity);
        }
        finally
        {
            Directory.Delete(dataDir, true);
        }
    }

    [Fact]
    public async Task FiftyConcurrentMessages_OfOneConversation_AreAllCounted()
    {
        await using var host = await TestBotHost.StartAsync();

        var answered = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => SendAsync(host.Client, "busy-conv", $"message {i}")));

        Assert.All(answered, Assert.True);
        var activity = await ReadActivityAsync(host.App.Services.GetRequiredService<IStorage>(), "busy-conv");
        Assert.Equal(50, activity?.Turns);
    }
}
