using System.Security.Claims;
using AnToan.Bot.Channels;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Channels;

/// <summary>Turns share a connector client per bot identity, audience and service URL for a few minutes; the end of
/// a turn does not dispose the shared one.</summary>
public sealed class SharedConnectorClientsTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/apac/";

    private static ClaimsIdentity Bot(string appId) => new([new Claim(AuthenticationConstants.AudienceClaim, appId)]);

    [Fact]
    public async Task TurnsOfOneBotAndServiceUrl_ShareOneClient_UntilItsLifetimeEnds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T08:00:00Z"));
        var inner = new CountingFactory();
        var sut = new SharedConnectorClients(time);

        var first = await sut.For(inner, Bot("app")).CreateAsync(ServiceUrl, "aud", default);
        first.Dispose(); // what CloudAdapter does at the end of a turn
        var second = await sut.For(inner, Bot("app")).CreateAsync(ServiceUrl, "aud", default);
        Assert.Same(first, second);
        Assert.False(Assert.Single(inner.Created).Disposed);
        Assert.Equal(new Uri(ServiceUrl), second.BaseUri);

        time.Advance(SharedConnectorClients.Lifetime);
        var renewed = await sut.For(inner, Bot("app")).CreateAsync(ServiceUrl, "aud", default);
        Assert.NotSame(first, renewed);
        Assert.Equal(2, inner.Created.Count);
    }

    [Fact]
    public async Task AnotherBot_AudienceOrServiceUrl_GetsItsOwnClient()
    {
        var inner = new CountingFactory();
        var sut = new SharedConnectorClients(new FakeTimeProvider());

        await sut.For(inner, Bot("app")).CreateAsync(ServiceUrl, "aud", default);
        await sut.For(inner, Bot("other")).CreateAsync(ServiceUrl, "aud", default);
        await sut.For(inner, Bot("app")).CreateAsync(ServiceUrl, "other", default);
        await sut.For(inner, Bot("app")).CreateAsync("https://other.example/", "aud", default);

        Assert.Equal(4, inner.Created.Count);
    }

    [Fact]
    public async Task BeyondTheLimit_ATurnGetsAClientOfItsOwn()
    {
        var inner = new CountingFactory();
        var sut = new SharedConnectorClients(new FakeTimeProvider());
        for (var i = 0; i < SharedConnectorClients.MaxClients; i++)
            await sut.For(inner, Bot("app")).CreateAsync($"https://host{i}.example/", "aud", default);

        var own = await sut.For(inner, Bot("app")).CreateAsync("https://one-more.example/", "aud", default);

        Assert.Same(inner.Created[^1], own); // not kept: the turn disposes it
        var again = await sut.For(inner, Bot("app")).CreateAsync("https://one-more.example/", "aud", default);
        Assert.NotSame(own, again);
    }

    private sealed class CountingFactory : ConnectorFactory
    {
        public List<FakeClient> Created { get; } = [];

        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            var client = new FakeClient(new Uri(serviceUrl));
            Created.Add(client);
            return Task.FromResult<IConnectorClient>(client);
        }
    }

    private sealed class FakeClient(Uri baseUri) : IConnectorClient
    {
        public bool Disposed { get; private set; }
        public Uri BaseUri { get; set; } = baseUri;
        public Newtonsoft.Json.JsonSerializerSettings SerializationSettings => new();
        public Newtonsoft.Json.JsonSerializerSettings DeserializationSettings => new();
        public Microsoft.Rest.ServiceClientCredentials Credentials => MicrosoftAppCredentials.Empty;
        public IAttachments Attachments => null!;
        public IConversations Conversations => null!;
        public void Dispose() => Disposed = true;
    }
}
