// Fan-out of one announcement to N subscribed conversations through the real host and the Bot Framework
// channel, against a loopback connector, with the channel rate limits off.
// Usage: dotnet run -c Release --project bench/Notify.Bench -- [conversations=10000] [parallelism=16]
// The connector runs in a child process (this program with the argument "connector"), so that the memory
// measured is the bot's alone.
using System.Diagnostics;
using AnToan.Bot.Hosting;
using AnToan.Bot.Announcements;
using AnToan.Notify.Bench;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;

if (args is ["connector"])
{
    await using var loopback = await LoopbackConnector.StartAsync();
    Console.WriteLine(loopback.ServiceUrl);
    await Console.In.ReadLineAsync(); // until the parent closes our input
    Console.WriteLine(loopback.PerConversation.Values.Sum());
    Console.WriteLine(loopback.PerConversation.Count);
    Console.WriteLine(loopback.PerConversation.Values.DefaultIfEmpty().Max());
    return 0;
}

var conversations = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var parallelism = args.Length > 1 ? int.Parse(args[1]) : 16;
var zone = TimeSpan.FromHours(7);
var dataDir = Directory.CreateTempSubdirectory("notify-bench-").FullName;

using var connector = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, "connector")
{
    RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
})!;
var serviceUrl = (await connector.StandardOutput.ReadLineAsync())!;
var clock = new FakeTimeProvider(new DateTimeOffset(2021, 9, 20, 10, 0, 0, zone));
var app = BotHost.Build(
[
    "--urls=http://127.0.0.1:0", $"--Storage:Path={Path.Combine(dataDir, "bench.db")}", "--Logging:LogLevel:Default=Warning",
    "--Announcements:Cron=0 0 0 1 1 ? 2099", "--Announcements:PerConversationPerSecond=0", "--Announcements:OverallPerSecond=0",
    $"--Announcements:Parallelism={parallelism}",
], builder => builder.Services.AddSingleton<TimeProvider>(clock));
await app.StartAsync();

var subscriptions = app.Services.GetRequiredService<LiteSubscriptionStore>();
var setup = Stopwatch.StartNew();
for (var i = 0; i < conversations; i++)
    subscriptions.Subscribe(new ConversationReference
    {
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount(id: $"19:bench-{i:00000}@thread.tacv2"),
        Bot = new ChannelAccount("28:bot", "AnToan.Bot"),
        User = new ChannelAccount($"29:user-{i}"),
    });
Console.WriteLine($"subscribed {conversations} conversations in {setup.Elapsed.TotalSeconds:F1} s");

GC.Collect();
GC.WaitForPendingFinalizers();
var process = Process.GetCurrentProcess();
var before = process.WorkingSet64;
long peakWorkingSet = before, peakManaged = GC.GetTotalMemory(false);
using var sampler = new Timer(_ =>
{
    process.Refresh();
    peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
    peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
}, null, 0, 20);

// 27 Sept 2021 08:00: the fire-prevention day (4 Oct) is 7 days ahead.
var watch = Stopwatch.StartNew();
var result = await app.Services.GetRequiredService<AnnouncementDispatcher>().RunAsync(new DateTimeOffset(2021, 9, 27, 8, 0, 0, zone), CancellationToken.None);
watch.Stop();
process.Refresh();
peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);

connector.StandardInput.Close();
var received = int.Parse((await connector.StandardOutput.ReadLineAsync())!);
var distinct = await connector.StandardOutput.ReadLineAsync();
var most = await connector.StandardOutput.ReadLineAsync();
await connector.WaitForExitAsync();
Console.WriteLine($"delivered {result.Delivered}, skipped {result.Skipped}, failed {result.Failed}; connector received {received} for {distinct} conversations (max {most} each)");
Console.WriteLine($"fan-out: {watch.Elapsed.TotalSeconds:F2} s, {result.Delivered / watch.Elapsed.TotalSeconds:F0} deliveries/s, parallelism {parallelism}");
Console.WriteLine($"memory ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC): working set before {before / 1048576.0:F0} MB, peak {peakWorkingSet / 1048576.0:F0} MB (process peak {process.PeakWorkingSet64 / 1048576.0:F0} MB), managed heap peak {peakManaged / 1048576.0:F0} MB");

await app.StopAsync();
await app.DisposeAsync();
Directory.Delete(dataDir, true);
return result.Delivered == conversations && received == conversations ? 0 : 1;
