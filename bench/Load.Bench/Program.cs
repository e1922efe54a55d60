using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

// Load benchmark (issue 16): the bot (Release, LiteDB, default settings and logging) against the Bot Framework SDK's
// echo bot on MemoryStorage, both driven with the same Q&A turns (deliveryMode expectReplies to /api/messages,
// questions of tests/Knowledge.Tests/eval) from a fixed set of conversations, at several connection counts.
// Everything on 127.0.0.1; every run is bounded in turns and in seconds.
//
// dotnet run -c Release --project bench/Load.Bench -- [--connections 1,8,32,128] [--turns 4000] [--seconds 20]
//     [--conversations 500] [--warmup 2000] [--rounds 1] [--no-build] [--only bot|before|echo]
//     [--before path/to/an/older/AnToan.Bot.dll] [--fresh]
// The bot's pid is printed first, for a profiler to attach to.

var options = Options.Parse(args);
var root = FindRoot();
if (!options.NoBuild)
    foreach (var project in new[] { "Bot/Bot.csproj", "bench/Echo.Bench/Echo.Bench.csproj" })
        Run("dotnet", $"build -c Release -v q -nologo {Path.Combine(root, project)}");

var questions = Directory.EnumerateFiles(Path.Combine(root, "tests/Knowledge.Tests/eval"), "*.tsv").Order()
    .SelectMany(f => File.ReadLines(f).Skip(1)).Select(l => l.Split('\t')).Where(c => c.Length >= 2 && c[1].Length > 0)
    .Select(c => c[1]).ToArray();
var dataDir = Directory.CreateTempSubdirectory("antoan-load-").FullName;
const string adminKey = "load-bench-diagnostics";
var runId = Guid.NewGuid().ToString("N")[..8];
var freshCount = 0;

var servers = new List<Server> { StartBot("bot", Path.Combine(root, "Bot/bin/Release/net10.0/AnToan.Bot.dll")) };
// Another build of the bot (an older commit, built with its own `dotnet build -c Release`), measured in the same run.
if (options.Before is { } before) servers.Add(StartBot("before", Path.GetFullPath(before)));
var echo = Server.Start("echo", Path.Combine(root, "bench/Echo.Bench/bin/Release/net10.0/Echo.Bench.dll"));
echo.DiagnosticsPath = "/diagnostics";
servers.Add(echo);
try
{
    foreach (var server in servers) await server.WaitReadyAsync(server == echo ? "/diagnostics" : "/healthz");
    Console.WriteLine(string.Join(", ", servers.Select(s => $"{s.Name} pid {s.Pid}")));
    Console.WriteLine($"{Environment.ProcessorCount} cores, {questions.Length} questions, {options.Conversations} conversations, " +
                      $"at most {options.Turns} turns or {options.Seconds} s per measurement; load average {LoadAverage()}");
    Console.WriteLine();
    PrintHeader();
    var rounds = new List<(int Connections, string Server, Result Result, double Ratio)>();
    for (var round = 0; round < options.Rounds; round++)
        foreach (var connections in options.Connections)
        {
            var results = new Dictionary<string, Result>();
            foreach (var server in servers.Where(s => options.Only is null || s.Name == options.Only))
            {
                await DriveAsync(server, connections, options.Warmup, options.Seconds, $"w{round}");
                results[server.Name] = await DriveAsync(server, connections, options.Turns, options.Seconds, $"m{round}");
            }
            foreach (var (name, r) in results)
            {
                var ratio = name != "echo" && results.TryGetValue("echo", out var e) ? r.TurnsPerSecond / e.TurnsPerSecond : double.NaN;
                rounds.Add((connections, name, r, ratio));
                PrintRow(connections, name, r, ratio);
            }
        }
    if (options.Rounds > 1)
    {
        // The machine is shared: each figure below is the median over the rounds (the ratio: of each round's ratio).
        Console.WriteLine();
        Console.WriteLine($"Medians of {options.Rounds} rounds:");
        Console.WriteLine();
        PrintHeader();
        foreach (var group in rounds.GroupBy(r => (r.Connections, r.Server)))
        {
            double Median(Func<(int, string, Result Result, double Ratio), double> of) =>
                group.Select(of).Order().ElementAt(group.Count() / 2);
            var first = group.First().Result;
            PrintRow(group.Key.Connections, group.Key.Server, first with
            {
                Turns = group.Sum(g => g.Result.Turns), Errors = group.Sum(g => g.Result.Errors),
                TurnsPerSecond = Median(g => g.Result.TurnsPerSecond), P50 = Median(g => g.Result.P50), P99 = Median(g => g.Result.P99),
                AllocatedPerTurn = Median(g => g.Result.AllocatedPerTurn), LogLinesPerTurn = Median(g => g.Result.LogLinesPerTurn),
            }, Median(g => g.Ratio));
        }
    }
    Console.WriteLine();
    Console.WriteLine($"load average after: {LoadAverage()}");
}
finally
{
    foreach (var server in servers) server.Dispose();
    Directory.Delete(dataDir, true);
}

static void PrintHeader()
{
    Console.WriteLine("| connections | server | turns | errors | turns/s | p50 ms | p99 ms | KB allocated/turn | log lines/turn | turns/s ÷ echo's |");
    Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
}

static void PrintRow(int connections, string name, Result r, double ratio) =>
    Console.WriteLine($"| {connections} | {name} | {r.Turns} | {r.Errors} | {r.TurnsPerSecond:N0} | {r.P50:N2} | {r.P99:N2} | " +
                      $"{r.AllocatedPerTurn / 1024.0:N0} | {r.LogLinesPerTurn:N2} | {(double.IsNaN(ratio) ? "" : ratio.ToString("N2"))} |");

Server StartBot(string name, string dll)
{
    var server = Server.Start(name, dll, $"--Storage:Path={Path.Combine(dataDir, name, "antoan.db")}", $"--Admin:ApiKey={adminKey}");
    server.DiagnosticsPath = "/api/admin/diagnostics";
    server.AdminKey = adminKey;
    return server;
}

async Task<Result> DriveAsync(Server server, int connections, int maxTurns, int maxSeconds, string phase)
{
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
    using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    var bodies = Enumerable.Range(0, maxTurns).Select(i => Body(i, phase)).ToArray();
    var latencies = new double[maxTurns];
    var next = -1;
    var errors = 0;
    var allocatedBefore = await server.AllocatedBytesAsync();
    var linesBefore = server.LogLines;
    using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
    {
        int i;
        while (!deadline.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < maxTurns)
        {
            var started = Stopwatch.GetTimestamp();
            var ok = false;
            try
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new("application/json");
                using var response = await client.PostAsync("/api/messages", content);
                var body = await response.Content.ReadAsByteArrayAsync();
                // A reply came back: the turn ran to its end (the bot saves state before it answers).
                ok = response.StatusCode == HttpStatusCode.OK && body.AsSpan().IndexOf("\"text\""u8) >= 0;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!ok) Interlocked.Increment(ref errors);
        }
    })));
    var elapsed = clock.Elapsed.TotalSeconds;
    var turns = Math.Min(next, maxTurns);
    var allocated = await server.AllocatedBytesAsync() - allocatedBefore;
    var sorted = latencies[..turns].Order().ToArray();
    return new Result(turns, errors, turns / elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99),
        (double)allocated / turns, (double)(server.LogLines - linesBefore) / turns);
}

byte[] Body(int i, string phase)
{
    var activity = new Dictionary<string, object>
    {
        ["type"] = "message",
        ["id"] = $"{phase}-{i}",
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://127.0.0.1:1",
        ["deliveryMode"] = "expectReplies",
        ["from"] = new { id = $"user-{i % options.Conversations}", name = "User" },
        ["recipient"] = new { id = "bot", name = "Bot" },
        ["conversation"] = new { id = $"load-{runId}-{i % options.Conversations}" },
        ["text"] = options.Fresh ? Fresh(questions[i % questions.Length]) : questions[i % questions.Length],
    };
    return JsonSerializer.SerializeToUtf8Bytes(activity);
}

// --fresh: extra spaces after the first word (the ends are trimmed) make every text of the run new to the bot (its
// match cache keys on the exact text), so each turn pays the whole match, as a question never asked before does;
// the answer is the same.
string Fresh(string question)
{
    var spaces = new string(' ', 1 + Interlocked.Increment(ref freshCount) / questions.Length % 500);
    var cut = question.IndexOf(' ');
    return cut < 0 ? question : question[..cut] + spaces + question[cut..];
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "AnToan.Bot.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run from inside the repository.");
}

static void Run(string file, string arguments)
{
    using var process = Process.Start(file, arguments);
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed");
}

internal sealed record Result(int Turns, int Errors, double TurnsPerSecond, double P50, double P99, double AllocatedPerTurn, double LogLinesPerTurn);

internal sealed record Options(int[] Connections, int Turns, int Seconds, int Conversations, int Warmup, int Rounds, bool NoBuild, string? Only, string? Before, bool Fresh)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Options(
            (Value("--connections") ?? "1,8,32,128").Split(',').Select(int.Parse).ToArray(),
            int.Parse(Value("--turns") ?? "4000"),
            int.Parse(Value("--seconds") ?? "20"),
            int.Parse(Value("--conversations") ?? "500"),
            int.Parse(Value("--warmup") ?? "2000"),
            int.Parse(Value("--rounds") ?? "1"),
            args.Contains("--no-build"),
            Value("--only"),
            Value("--before"),
            args.Contains("--fresh"));
    }
}

/// <summary>A server process on a free loopback port, its console output counted (log lines) and discarded.</summary>
internal sealed class Server : IDisposable
{
    private readonly Process _process;
    private int _logLines;

    private Server(string name, Process process, Uri baseAddress) => (Name, _process, BaseAddress) = (name, process, baseAddress);

    public string Name { get; }
    public Uri BaseAddress { get; }
    public string DiagnosticsPath { get; set; } = "";
    public string? AdminKey { get; set; }
    public int LogLines => Volatile.Read(ref _logLines);
    public int Pid => _process.Id;

    public static Server Start(string name, string dll, params string[] arguments)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException("Build first (or drop --no-build).", dll);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = new Process { StartInfo = start };
        var server = new Server(name, process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Interlocked.Increment(ref server._logLines); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Interlocked.Increment(ref server._logLines); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    public async Task WaitReadyAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}");
            try
            {
                using var request = Request(path);
                using var response = await client.SendAsync(request);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Name} did not start");
    }

    public async Task<long> AllocatedBytesAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var request = Request(DiagnosticsPath);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("allocatedBytes").GetInt64();
    }

    private HttpRequestMessage Request(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (AdminKey is not null) request.Headers.Add("X-Admin-Key", AdminKey);
        return request;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
