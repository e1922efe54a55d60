using AnToan.Bot.Hosting;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Hosting;

/// <summary>The host runs its interceptors in the order TurnOrder declares, every one of them placed.</summary>
public sealed class TurnOrderTests
{
    [Fact]
    public async Task TheHostsPipeline_RunsEveryRegisteredInterceptor_InTheDeclaredOrder()
    {
        await using var host = await TestBotHost.StartAsync();

        var pipeline = host.App.Services.GetRequiredService<TurnPipeline>();

        Assert.Equal(TurnOrder.Interceptors, pipeline.Interceptors.Select(i => i.GetType()));
        Assert.Equal(host.App.Services.GetServices<IMessageInterceptor>().Count(), pipeline.Interceptors.Count);
    }

    [Fact]
    public void AnInterceptorTheOrderDoesNotPlace_IsRefused_ByName()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new TurnPipeline(TurnOrder.Interceptors, [new Unplaced()]));

        Assert.Contains(nameof(Unplaced), error.Message);
    }

    [Fact]
    public void TheOrder_PlacesEachTypeOnce()
    {
        Assert.Equal(TurnOrder.Interceptors.Count, TurnOrder.Interceptors.Distinct().Count());
    }

    private sealed class Unplaced : IMessageInterceptor
    {
        public Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
