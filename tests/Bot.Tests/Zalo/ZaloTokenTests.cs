using AnToan.Bot.Channels;
using AnToan.Bot.Channels.Zalo;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Zalo;

public sealed class ZaloTokenTests
{
    [Theory]
    [InlineData(-216)]
    [InlineData(-220)]
    public async Task RefusedToken_IsRefreshedExactlyOnce_Under20ConcurrentSends(int error)
    {
        await using var sut = await ZaloTestHost.StartAsync(accessToken: "expired");
        sut.Api.RejectedTokenError = error;
        sut.Api.RefreshDelay = TimeSpan.FromMilliseconds(300);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => sut.SendThroughAdapterAsync($"user-{i}", MessageFactory.Text("Hello."))));

        Assert.Equal(1, sut.Api.Refreshes);
        Assert.Equal(20, sut.Api.Delivered.Count);
        Assert.All(sut.Api.Delivered, m => Assert.Equal("access-1", m.AccessToken));
    }

    [Fact]
    public async Task RotatedRefreshToken_IsStored_AndUsedAfterARestart()
    {
        await using var api = await FakeZaloApi.StartAsync();
        var dataDir = Directory.CreateTempSubdirectory("antoan-zalo-").FullName;
        try
        {
            await using (var first = await ZaloTestHost.StartAsync(api, accessToken: "expired", dataDir: dataDir))
                await first.SendThroughAdapterAsync("user-1", MessageFactory.Text("Hello."));
            api.RejectedTokenError = -220;
            await using (var second = await ZaloTestHost.StartAsync(api, accessToken: "expired", dataDir: dataDir, clock: null))
            {
                await second.SendThroughAdapterAsync("user-1", MessageFactory.Text("Again."));
                second.Clock.Advance(TimeSpan.FromHours(25)); // the stored access token expires: the stored refresh token must work
                await second.SendThroughAdapterAsync("user-1", MessageFactory.Text("Later."));
            }

            Assert.Equal(2, api.Refreshes);
            Assert.Equal(["access-1", "access-1", "access-2"], api.Delivered.Select(m => m.AccessToken));
        }
        finally
        {
            Directory.Delete(dataDir, true);
        }
    }

    [Fact]
    public async Task AccessTokenNearExpiry_IsRefreshedBeforeZaloRefusesIt()
    {
        await using var sut = await ZaloTestHost.StartAsync(accessToken: "expired");
        await sut.SendThroughAdapterAsync("user-1", MessageFactory.Text("Hello."));

        sut.Clock.Advance(TimeSpan.FromHours(24.5)); // the token lives 90,000 s = 25 h
        await sut.SendThroughAdapterAsync("user-1", MessageFactory.Text("Again."));

        Assert.Equal(2, sut.Api.Refreshes);
        Assert.Single(sut.Api.Calls, c => c.Error != 0); // only the first, expired one
        Assert.Equal("access-2", sut.Api.Delivered[^1].AccessToken);
    }

    [Fact]
    public async Task IdleOa_KeepsItsTokensFresh_WithoutAnySend()
    {
        await using var sut = await ZaloTestHost.StartAsync(accessToken: "expired");
        await sut.SendThroughAdapterAsync("user-1", MessageFactory.Text("Hello.")); // learns the token's expiry
        var sends = sut.Api.Delivered.Count;

        // Nobody writes; time goes on half an hour per look (the keeper starts in the background, so the test cannot
        // know when its first period begins) until the pair has been renewed without any send.
        await Wait.Until(() =>
        {
            sut.Clock.Advance(TimeSpan.FromMinutes(30));
            return sut.Api.Refreshes >= 2;
        });

        var store = sut.Services.GetRequiredService<IZaloTokenStore>();
        await Wait.Until(() => store.LoadOrSeed(new ZaloOptions()).RefreshToken == sut.Api.RefreshToken);
        Assert.Equal(sends, sut.Api.Delivered.Count);
    }

    [Fact]
    public async Task RefusedRefresh_IsAFailedDelivery_NotACrash()
    {
        await using var sut = await ZaloTestHost.StartAsync(accessToken: "expired", refreshToken: "revoked");
        await sut.PostAsync(sut.TextEvent("user-1", "?"));
        await Wait.Until(() => sut.Api.Calls.Count >= 2); // the answer and the apology are both refused

        var result = await sut.Proactive.SendAsync(ZaloTestHost.Reference("user-1"), MessageFactory.Text("Announcement."), default);

        Assert.Equal(ProactiveOutcome.Failed, result.Outcome);
        Assert.Equal(0, sut.Api.Refreshes);
    }
}
