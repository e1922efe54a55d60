using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AnToan.Bot.Storage;
using LiteDB;
using Xunit.Abstractions;
using static AnToan.Bot.Tests.Storage.ConversationTraffic;

namespace AnToan.Bot.Tests.Storage;

/// <summary>The real host in its own process, killed (no graceful stop) while turns are being written.</summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Acknowledged = 10;
    private const int InFlight = 200;
    private const int KillAfter = 5;
    private readonly string _dir = Directory.CreateTempSubdirectory("antoan-crash-").FullName;
    private readonly StringBuilder _hostOutput = new();

    [Fact]
    public async Task KilledHost_KeepsEveryAcknowledgedTurn()
    {
        var (acknowledged, answeredInFlight, dbPath) = await KillWhileTurnsAreWrittenAsync();

        using var db = StorageServices.Open(new ConnectionString { Filename = dbPath, Connection = ConnectionType.Direct });
        using var writer = new LiteDbWriter(db, null);
        var activity = await ReadActivityAsync(new LiteDbStorage(db, writer), "crash-conv");
        Assert.NotNull(activity);
        output.WriteLine("acknowledged {0} turns, {1} of them in flight; the file holds {2}", acknowledged, answeredInFlight, activity.Turns);
        Assert.InRange(activity.Turns, acknowledged, Acknowledged + InFlight);
    }

    /// <summary>The question log is written with the turn's state, in the group commit: an answered question is in it.</summary>
    [Fact]
    public async Task KilledHost_KeepsTheQuestionOfEveryAcknowledgedTurn()
    {
        var (acknowledged, answeredInFlight, dbPath) = await KillWhileTurnsAreWrittenAsync();

        using var db = StorageServices.Open(new ConnectionString { Filename = dbPath, Connection = ConnectionType.Direct });
        var questions = db.GetCollection("admin_questions").FindAll().Select(d => d["Text"].AsString).ToList();
        output.WriteLine("acknowledged {0} turns, {1} of them in flight; the log holds {2} questions", acknowledged, answeredInFlight, questions.Count);
        Assert.Equal(Acknowledged, questions.Count(q => q.StartsWith("message ", StringComparison.Ordinal)));
        Assert.InRange(questions.Count(q => q.StartsWith("in flight ", StringComparison.Ordinal)), answeredInFlight, InFlight);
    }

    /// <summary>Sends <see cref="Acknowledged"/> messages one by one, then <see cref="InFlight"/> at once, and kills the
    /// host once <see cref="KillAfter"/> of those are answered.</summary>
    private async Task<(int Acknowledged, int AnsweredInFlight, string DbPath)> KillWhileTurnsAreWrittenAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var dbPath = Path.Combine(_dir, "antoan.db");
        var port = FreePort();
        using var host = StartHost(port, dbPath);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
            await WaitUntilHealthyAsync(client, host, deadline.Token);

            var acknowledged = 0;
            for (var i = 0; i < Acknowledged; i++)
                if (await SendAsync(client, "crash-conv", $"message {i}", deadline.Token)) acknowledged++;
            Assert.Equal(Acknowledged, acknowledged);

            // The conversation lock runs these one by one; once a few are answered the host is busy writing the next.
            var answered = 0;
            var killNow = new TaskCompletionSource();
            var inFlight = Enumerable.Range(0, InFlight).Select(async i =>
            {
                var ok = await TrySendAsync(client, $"in flight {i}", deadline.Token);
                if (ok && Interlocked.Increment(ref answered) == KillAfter) killNow.TrySetResult();
                return ok;
            }).ToList();
            await killNow.Task.WaitAsync(deadline.Token);
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(deadline.Token);
            var answeredInFlight = (await Task.WhenAll(inFlight)).Count(answered => answered);
            Assert.True(answeredInFlight < InFlight, "the kill came after every write had finished");
            return (acknowledged + answeredInFlight, answeredInFlight, dbPath);
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
            lock (_hostOutput) output.WriteLine(_hostOutput.ToString());
        }
    }

    public void Dispose() => Directory.Delete(_dir, true);

    private static async Task<bool> TrySendAsync(HttpClient client, string text, CancellationToken cancellationToken)
    {
        try { return await SendAsync(client, "crash-conv", text, cancellationToken); }
        catch (HttpRequestException) { return false; }
    }

    /// <summary>Runs the Bot build output that the test project copies beside itself.</summary>
    private Process StartHost(int port, string dbPath)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AnToan.Bot.dll"));
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.ArgumentList.Add($"--Storage:Path={dbPath}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (_hostOutput) _hostOutput.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_hostOutput) _hostOutput.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process host, CancellationToken cancellationToken)
    {
        while (true)
        {
            Assert.False(host.HasExited, "the host exited before it was healthy");
            try
            {
                using var response = await client.GetAsync("/healthz", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { } // not listening yet
            await Task.Delay(100, cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
