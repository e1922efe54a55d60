using System.Net;
using AnToan.Bot.Admin;
using AnToan.Bot.Storage;
using AnToan.Bot.Tests.Admin;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Bot.Tests.Storage;
using AnToan.Bot.Tests.WebChat;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Hosting;

/// <summary>What one process used to keep in memory holds across two hosts on one PostgreSQL database: dashboard
/// sessions, the login throttle, the web chat's rate limits, and the turns of one conversation.</summary>
public sealed class TwoInstancesSharedLimitsTests : IAsyncLifetime
{
    private readonly TestPostgresSchema? _schema = TestPostgres.SkipReason is null ? new TestPostgresSchema() : null;
    private readonly List<IAsyncDisposable> _hosts = [];

    private string[] Settings => _schema!.HostSettings;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        _schema?.Dispose();
    }

    private async Task<(AdminHost A, AdminHost B)> TwoAdminHostsAsync(params string[] settings)
    {
        var both = await Task.WhenAll(AdminHost.StartAsync([.. Settings, .. settings]), AdminHost.StartAsync([.. Settings, .. settings]));
        _hosts.AddRange(both);
        return (both[0], both[1]);
    }

    private static HttpRequestMessage WithCookie(HttpMethod method, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", $"{AdminCookie.Name}={cookie}");
        request.Headers.Add("X-Forwarded-For", "192.0.2.1");
        return request;
    }

    [PostgresFact]
    public async Task ALoginOnOne_OpensTheApiOnTheOther_AndALogoutThereEndsItOnBoth()
    {
        var (a, b) = await TwoAdminHostsAsync();
        using var onA = a.NewBrowserlikeClient();
        using var onB = b.NewBrowserlikeClient();

        var login = await AdminHost.LoginAsync(onA, AdminHost.Key);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = AdminHost.SessionCookie(login).Value.ToString();

        Assert.Equal(HttpStatusCode.OK, (await onB.SendAsync(WithCookie(HttpMethod.Get, "/api/admin/units", cookie))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.SendAsync(WithCookie(HttpMethod.Get, "/admin", cookie))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await onB.SendAsync(WithCookie(HttpMethod.Post, "/admin/logout", cookie))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.SendAsync(WithCookie(HttpMethod.Get, "/api/admin/units", cookie))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.SendAsync(WithCookie(HttpMethod.Get, "/api/admin/units", cookie))).StatusCode);
    }

    [PostgresFact]
    public async Task WrongKeysSpreadOverBoth_BlockTheAddressOnBoth()
    {
        var (a, b) = await TwoAdminHostsAsync("Admin:MaxFailedLogins=5");
        using var onA = a.NewBrowserlikeClient();
        using var onB = b.NewBrowserlikeClient();
        static void From(HttpRequestMessage r) => r.Headers.Add("X-Forwarded-For", "203.0.113.7");

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await AdminHost.LoginAsync(i % 2 == 0 ? onA : onB, "guess-" + i, From)).StatusCode);

        foreach (var client in new[] { onA, onB })
        {
            var refused = await AdminHost.LoginAsync(client, AdminHost.Key, From); // even the right key, from there
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await AdminHost.LoginAsync(onB, AdminHost.Key, r => r.Headers.Add("X-Forwarded-For", "203.0.113.8"))).StatusCode);
    }

    [PostgresFact]
    public async Task WebChatConversationsStartedOnBoth_CountTowardsOneLimit()
    {
        var hosts = await Task.WhenAll(
            TestBotHost.StartAsync(settings: [.. Settings, "WebChat:ConversationsPerMinute=3"]),
            TestBotHost.StartAsync(settings: [.. Settings, "WebChat:ConversationsPerMinute=3"]));
        _hosts.AddRange(hosts);

        for (var i = 0; i < 3; i++) await new WebChatClient(hosts[i % 2].Client).StartAsync();

        foreach (var host in hosts)
        {
            var refused = await host.Client.PostAsync(WebChatClient.Base, new StringContent("{}"));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        }
    }

    [PostgresFact]
    public async Task ConcurrentMessagesOfOneConversation_ThroughBoth_AreEachCountedOnce()
    {
        var hosts = await Task.WhenAll(TestBotHost.StartAsync(settings: Settings), TestBotHost.StartAsync(settings: Settings));
        _hosts.AddRange(hosts);
        const int Messages = 40;

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var answered = await Task.WhenAll(Enumerable.Range(0, Messages).Select(i =>
            ConversationTraffic.SendAsync(hosts[i % 2].Client, "shared-conv", $"message {i}", timeout.Token)));

        Assert.All(answered, Assert.True);
        foreach (var host in hosts)
        {
            var activity = await ConversationTraffic.ReadActivityAsync(host.App.Services.GetRequiredService<IStorage>(), "shared-conv");
            Assert.Equal(Messages, activity?.Turns);
        }
    }
}
