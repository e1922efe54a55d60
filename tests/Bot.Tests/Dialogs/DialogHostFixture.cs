using AnToan.Bot.Tests.Infrastructure;
using AnToan.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Dialogs;

/// <summary>Starts the real host with a clock fixed on 15 June 2021 (Hanoi), optionally on an existing data folder.</summary>
public static class DialogHost
{
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2021, 6, 15, 2, 0, 0, TimeSpan.Zero));

    public static Task<TestBotHost> StartAsync(FakeTimeProvider clock, string? dataDir = null) =>
        TestBotHost.StartAsync(dataDir, clock: clock);

    public static Knowledge.Model.KnowledgeContent Content(TestBotHost host) => host.App.Services.GetRequiredService<KnowledgeStore>().Current;

    /// <summary>"Việc 2/16: title" — the question on a checklist item.</summary>
    public static string Item(TestBotHost host, int number)
    {
        var items = Content(host).Checklist;
        return $"{number}/{items.Count}: {items[number - 1].Title}";
    }

    /// <summary>Creates a unit through the profile dialog and returns its join code.</summary>
    public static async Task<string> CreateUnitAsync(ChatClient chat, string name)
    {
        await chat.AskAsync("tạo đơn vị");
        await chat.AskAsync(name);
        await chat.AskAsync("doanh nghiệp");
        var created = await chat.SayAsync("bỏ qua");
        var code = System.Text.RegularExpressions.Regex.Match(string.Join("\n", created), @"\*\*([A-Z0-9]{6})\*\*").Groups[1].Value;
        Assert.Equal(6, code.Length);
        return code;
    }
}
