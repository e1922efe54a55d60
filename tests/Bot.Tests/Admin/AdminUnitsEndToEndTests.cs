using System.Net.Http.Json;
using System.Text.Json;
using AnToan.Bot.Tests.Dialogs;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Admin;

/// <summary>Units created and answered in the chat, seen on the dashboard through the real LiteDB unit store.</summary>
public sealed class AdminUnitsEndToEndTests
{
    [Fact]
    public async Task AUnitAnsweredInTheChat_ShowsItsMembersProgressAndHistory()
    {
        await using var host = await TestBotHost.StartAsync(settings: [$"Admin:ApiKey={AdminHost.Key}"],
            clock: DialogHost.NewClock());
        var an = new ChatClient(host.Client, "an", "conv-an");
        var code = await DialogHost.CreateUnitAsync(an, "Công ty Minh Phát");
        await an.AskAsync("danh mục việc cần làm");
        await an.AskAsync("đã làm");
        await an.AskAsync("hủy");
        var binh = new ChatClient(host.Client, "binh", "conv-binh", channelId: "msteams");
        await binh.SayAsync($"tham gia {code}");
        using var admin = new HttpClient { BaseAddress = host.Client.BaseAddress };
        admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminHost.Key);

        var unit = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/admin/units")).EnumerateArray());

        Assert.Equal("Công ty Minh Phát", unit.GetProperty("name").GetString());
        Assert.Equal("doanh-nghiep", unit.GetProperty("type").GetString());
        Assert.Equal(code, unit.GetProperty("joinCode").GetString());
        Assert.Equal(2, unit.GetProperty("members").GetInt32());
        Assert.Equal(1, unit.GetProperty("progress").GetProperty("checklistDone").GetInt32());
        Assert.Equal("in-progress", unit.GetProperty("status").GetString());

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/units/{unit.GetProperty("id").GetString()}");
        Assert.Equal(["an", "binh"], detail.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).Order());
        var answer = Assert.Single(detail.GetProperty("history").EnumerateArray());
        Assert.Equal("checklist", answer.GetProperty("list").GetString());
        Assert.Equal("done", answer.GetProperty("status").GetString());
        Assert.Equal("an", answer.GetProperty("answeredByName").GetString());
        Assert.Equal(DialogHost.Content(host).Checklist[0].Id, answer.GetProperty("itemId").GetString());
    }
}
