using AnToan.Tests;
using AnToan.Dialogs.Units;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Dialogs;

public sealed class ConcurrencyEndToEndTests
{
    [Fact]
    public async Task TwoMembersAnsweringAtTheSameTime_LoseNoAnswer()
    {
        var clock = DialogHost.NewClock();
        await using var host = await DialogHost.StartAsync(clock);
        var an = new ChatClient(host.Client, "an", "conv-an");
        var binh = new ChatClient(host.Client, "binh", "conv-binh");
        var code = await DialogHost.CreateUnitAsync(an, "Công ty Minh Phát");
        await binh.SayAsync($"tham gia {code}");
        await Task.WhenAll(an.SayAsync("danh mục việc cần làm"), binh.SayAsync("danh mục việc cần làm"));

        const int rounds = 5;
        async Task AnswerAsync(ChatClient chat, string note)
        {
            for (var i = 0; i < rounds; i++)
            {
                await chat.SayAsync($"chưa làm, {note} {i}");
            }
        }
        await Task.WhenAll(AnswerAsync(an, "ghi chú của An"), AnswerAsync(binh, "ghi chú của Bình"));

        var stored = host.App.Services.GetRequiredService<ILiteDatabase>().GetCollection("unit_answers").FindAll()
            .Select(d => d["Note"].AsString).ToHashSet();
        var expected = Enumerable.Range(0, rounds).SelectMany(i => new[] { $"ghi chú của An {i}", $"ghi chú của Bình {i}" });
        Assert.Superset(expected.ToHashSet(), stored);

        var units = host.App.Services.GetRequiredService<IUnitStore>();
        var unit = await units.FindByMemberAsync(new MemberKey("directline", "an"), default);
        var latest = await units.GetAnswersAsync(unit!.Id, ShippedLists.Checklist, default);
        // Each member moves to the next item nobody has answered yet, so together they covered at least as many items
        // as either alone, and every item's answer is one of theirs.
        Assert.InRange(latest.Count, rounds, 2 * rounds);
        Assert.All(latest.Values, a => Assert.Contains(a.AnsweredByName, new[] { "an", "binh" }));
    }

    [Fact]
    public async Task AdminUnits_ListsEachUnitWithItsProgress()
    {
        await using var host = await Infrastructure.TestBotHost.StartAsync(settings: ["Admin:ApiKey=k3y"],
            clock: DialogHost.NewClock());
        var an = new ChatClient(host.Client, "an", "conv-an");
        await DialogHost.CreateUnitAsync(an, "Công ty Minh Phát");
        await an.SayAsync("danh mục việc cần làm");
        await an.SayAsync("đã làm");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/units") { Headers = { { "X-Admin-Key", "k3y" } } };
        var units = System.Text.Json.JsonDocument.Parse(await (await host.Client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        var unit = Assert.Single(units.EnumerateArray());
        Assert.Equal("Công ty Minh Phát", unit.GetProperty("name").GetString());
        Assert.Equal(1, unit.GetProperty("progress").GetProperty("checklistDone").GetInt32());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/api/admin/units")).StatusCode);
    }
}
