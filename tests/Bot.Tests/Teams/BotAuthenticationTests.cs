using System.Net;
using AnToan.Bot.Tests.Infrastructure;

namespace AnToan.Bot.Tests.Teams;

/// <summary>With MicrosoftAppId set, /api/messages takes only requests that carry a valid channel token.</summary>
public sealed class BotAuthenticationTests : IAsyncLifetime
{
    private const string AppId = "0f1e2d3c-4b5a-6978-8a9b-acbdcedf0011";
    private FakeChannelIdentity _identity = null!;
    private TestBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _identity = await FakeChannelIdentity.StartAsync();
        _host = await TestBotHost.StartAsync(settings: _identity.BotSettings(AppId));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task RequestWithoutToken_Gets401()
    {
        using var response = await TeamsChat.PostAsync(_host.Client, TeamsChat.Message("trợ giúp"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.c2ln")]
    public async Task MalformedToken_Gets401(string token)
    {
        using var response = await TeamsChat.PostAsync(_host.Client, TeamsChat.Message("trợ giúp"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_Gets401()
    {
        var token = _identity.Token(AppId, TeamsChat.ServiceUrl, lifetime: TimeSpan.FromMinutes(-8));

        using var response = await TeamsChat.PostAsync(_host.Client, TeamsChat.Message("trợ giúp"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenForAnotherServiceUrl_Gets401()
    {
        var token = _identity.Token(AppId, "https://attacker.example/");

        using var response = await TeamsChat.PostAsync(_host.Client, TeamsChat.Message("trợ giúp"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenSignedByAnUnpublishedKey_Gets401()
    {
        var token = FakeChannelIdentity.ForgedToken(AppId, TeamsChat.ServiceUrl);

        using var response = await TeamsChat.PostAsync(_host.Client, TeamsChat.Message("trợ giúp"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenForAnotherBot_Gets401()
    {
        var token = _identity.Token(Guid.NewGuid().ToString(), TeamsChat.ServiceUrl);

        using var response = await TeamsChat.PostAsync(_host.Client, TeamsChat.Message("trợ giúp"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ValidChannelToken_IsAcceptedAndAnswered()
    {
        var token = _identity.Token(AppId, TeamsChat.ServiceUrl);

        using var response = await TeamsChat.PostAsync(_host.Client, TeamsChat.Message("trợ giúp"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("AdaptiveCard", await response.Content.ReadAsStringAsync());
    }
}
