using AnToan.Bot.Announcements;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Announcements;

public sealed class RateGateTests
{
    [Fact]
    public async Task Gate_AfterABurstOfOneSecondsWorth_SpacesSendsOut()
    {
        var clock = new FakeTimeProvider();
        var sut = new RateGate(7, clock);

        for (var i = 0; i < 7; i++) Assert.True(sut.WaitAsync(CancellationToken.None).IsCompleted, $"send {i + 1} of the burst");
        var eighth = sut.WaitAsync(CancellationToken.None);
        var ninth = sut.WaitAsync(CancellationToken.None);

        Assert.False(eighth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(143));
        await eighth.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(ninth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(143));
        await ninth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Gate_SwitchedOff_NeverWaits()
    {
        var sut = new RateGate(0, new FakeTimeProvider());

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(sut.WaitAsync(CancellationToken.None).IsCompleted));
    }
}
