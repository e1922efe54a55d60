using System.Net;
using Microsoft.Net.Http.Headers;
using AnToan.Bot.Admin;
using AnToan.Bot.Storage;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Admin;

/// <summary>The real host with an admin key, a fake clock, and fake unit, question and announcement sources.</summary>
public sealed class AdminHost : IAsyncDisposable
{
    public const string Key = "test-admin-key-7f3a";

    private AdminHost(TestBotHost host, FakeTimeProvider time, FakeSources sources)
    {
        Host = host;
        Time = time;
        Sources = sources;
    }

    public TestBotHost Host { get; }
    public FakeTimeProvider Time { get; }
    public FakeSources Sources { get; }
    public Uri BaseAddress => Host.Client.BaseAddress!;

    /// <summary>8 June 2021, 10:00 in Vietnam: inside the guidance's year, after its first deadlines.</summary>
    public static readonly DateTimeOffset Start = new(2021, 6, 8, 3, 0, 0, TimeSpan.Zero);

    public static async Task<AdminHost> StartAsync(IEnumerable<string>? settings = null, string? key = Key, Action<WebApplicationBuilder>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var sources = new FakeSources();
        var all = new List<string>(settings ?? []);
        if (key is not null) all.Add($"Admin:ApiKey={key}");
        var host = await TestBotHost.StartAsync(settings: all, clock: time, configure: builder =>
        {
            builder.Services.AddSingleton<IUnitDirectory>(sources);
            builder.Services.AddSingleton<IQuestionLog>(sources);
            builder.Services.AddSingleton<IAnnouncementLog>(sources);
            configure?.Invoke(builder);
        });
        return new AdminHost(host, time, sources);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so the tests see them.</summary>
    public HttpClient NewBrowserlikeClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public HttpClient KeyClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Admin-Key", Key);
        return client;
    }

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string key, Action<HttpRequestMessage>? adjust = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/login") { Content = new FormUrlEncodedContent([new("key", key)]) };
        adjust?.Invoke(request);
        return client.SendAsync(request);
    }

    /// <summary>The dashboard session cookie a login set.</summary>
    public static SetCookieHeaderValue SessionCookie(HttpResponseMessage response) =>
        SetCookieHeaderValue.ParseList(response.Headers.GetValues("Set-Cookie").ToList()).Single(c => c.Name == AdminCookie.Name);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
