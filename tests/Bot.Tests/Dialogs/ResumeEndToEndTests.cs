using AnToan.Tests;
using AnToan.Dialogs.Units;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Dialogs;

/// <summary>Progress belongs to the unit and survives a restart; another member continues where the unit was.</summary>
public sealed class ResumeEndToEndTests
{
    [Fact]
    public async Task AfterARestart_AndFromAnotherMembersConversation_TheChecklistContinuesAtTheRightItem()
    {
        var clock = DialogHost.NewClock();
        var dataDir = Directory.CreateTempSubdirectory("antoan-test-").FullName;
        string code;
        await using (var first = await DialogHost.StartAsync(clock, dataDir))
        {
            var an = new ChatClient(first.Client, "an", "conv-an");
            code = await DialogHost.CreateUnitAsync(an, "Công ty Minh Phát");
            Assert.Contains(DialogHost.Item(first, 1), await an.AskAsync("danh mục việc cần làm"));
            Assert.Contains(DialogHost.Item(first, 2), await an.AskAsync("đã làm hôm qua, Nghị quyết 05-NQ"));
            Assert.Contains(DialogHost.Item(first, 3), await an.AskAsync("đang làm: Đang soạn kế hoạch"));
        }
        try
        {
            await using var second = await DialogHost.StartAsync(clock, dataDir);
            var an = new ChatClient(second.Client, "an", "conv-an");
            Assert.Contains(DialogHost.Item(second, 3), await an.AskAsync("tiếp tục"));
            Assert.Contains(DialogHost.Item(second, 3), await an.AskAsync("tạm dừng") + await an.AskAsync("tiếp tục"));
            await an.AskAsync("hủy");

            var binh = new ChatClient(second.Client, "binh", "conv-binh", channelId: "webchat");
            Assert.Contains("Công ty Minh Phát", string.Join("\n", await binh.SayAsync($"tham gia {code}")));
            var resumed = await binh.AskAsync("tiếp tục");
            Assert.Contains(DialogHost.Item(second, 3), resumed);
            Assert.Contains(DialogHost.Item(second, 4), await binh.AskAsync("chưa làm"));
            Assert.Contains(DialogHost.Item(second, 2), await binh.AskAsync("quay lại") + await binh.AskAsync("quay lại"));

            var units = second.App.Services.GetRequiredService<IUnitStore>();
            var unit = await units.FindByMemberAsync(new MemberKey("webchat", "binh"), default);
            var answers = await units.GetAnswersAsync(unit!.Id, ShippedLists.Checklist, default);
            var items = DialogHost.Content(second).Checklist;
            Assert.Equal(("done", new DateOnly(2021, 6, 14), "Nghị quyết 05-NQ", "an"),
                (answers[items[0].Id].Status, answers[items[0].Id].Date, answers[items[0].Id].Note, answers[items[0].Id].AnsweredByName));
            Assert.Equal(("doing", "Đang soạn kế hoạch"), (answers[items[1].Id].Status, answers[items[1].Id].Note));
            Assert.Equal(("todo", "directline:an", "webchat:binh"), (answers[items[2].Id].Status, answers[items[0].Id].AnsweredBy, answers[items[2].Id].AnsweredBy));
        }
        finally
        {
            try { Directory.Delete(dataDir, true); } catch (IOException) { }
        }
    }
}
