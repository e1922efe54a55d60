using AnToan.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Infrastructure;

/// <summary>The real host on 127.0.0.1 with a free port and its own LiteDB file, driven over HTTP like a channel.</summary>
public sealed class TestBotHost : IAsyncDisposable
{
    private TestBotHost(WebApplication app, string dataDir, bool ownsDataDir)
    {
        App = app;
        DataDir = dataDir;
        _ownsDataDir = ownsDataDir;
        Client = new HttpClient { BaseAddress = new Uri(LoopbackServer.AddressOf(app)) };
    }

    private readonly bool _ownsDataDir;
    public WebApplication App { get; }
    public HttpClient Client { get; }
    public string DataDir { get; }
    public string DbPath => Path.Combine(DataDir, "antoan.db");

    /// <summary>A cron that never fires: no scheduled announcement run starts by the wall clock in the middle of a test
    /// (a test that wants the schedule sets Announcements:Cron itself; settings given later win).</summary>
    public const string NeverCron = "0 0 0 1 1 ? 2099";

    /// <param name="dataDir">Reuse a folder to run a second host on the same LiteDB file.</param>
    /// <param name="settings">Extra settings, as "Key:Sub=value".</param>
    /// <param name="clock">The host's clock (a FakeTimeProvider); the system clock when null.</param>
    public static async Task<TestBotHost> StartAsync(string? dataDir = null, IEnumerable<string>? settings = null,
        Action<WebApplicationBuilder>? configure = null, TimeProvider? clock = null)
    {
        var owns = dataDir is null;
        dataDir ??= Directory.CreateTempSubdirectory("antoan-test-").FullName;
        var args = new List<string> { "--urls=http://127.0.0.1:0", $"--Storage:Path={Path.Combine(dataDir, "antoan.db")}", "--Logging:LogLevel:Default=Warning", $"--Announcements:Cron={NeverCron}" };
        args.AddRange((settings ?? []).Select(s => "--" + s));
        var app = BotHost.Build([.. args], builder =>
        {
            if (clock is not null) builder.Services.AddSingleton<TimeProvider>(clock);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new TestBotHost(app, dataDir, owns);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDataDir) try { Directory.Delete(DataDir, true); } catch (IOException) { }
    }
}
