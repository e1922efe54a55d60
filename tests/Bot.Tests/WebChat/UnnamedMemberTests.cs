using System.Text.RegularExpressions;
using AnToan.Bot.Tests.Admin;
using AnToan.Bot.Tests.Dialogs;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs.Engine;
using DocumentFormat.OpenXml.Packaging;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Tests.WebChat;

/// <summary>Issue 14, point 6: a web chat user has no name; who answered is "một thành viên" in the chat, the Word
/// report, the dashboard and the Excel file, never the user's id.</summary>
public sealed class UnnamedMemberTests
{
    private const string Key = "test-admin-key-0123456789";

    [Fact]
    public async Task WebChatUserWithoutAName_IsShownAsAMember_NeverByTheirId()
    {
        await using var host = await TestBotHost.StartAsync(settings: [$"Admin:ApiKey={Key}"], clock: DialogHost.NewClock());
        var web = new WebChatClient(host.Client);
        var started = await web.StartAsync();
        var (id, userId) = ((string)started["conversationId"]!, (string)started["userId"]!);
        async Task<string> Say(string text) => string.Join("\n", (await web.SayAsync(id, text)).Select(a => (string?)a["text"] ?? ""));
        foreach (var text in new[] { "tạo đơn vị", "Trường THCS Kim Đồng", "nhà trường", "bỏ qua", "danh mục việc cần làm", "chưa làm" })
            await Say(text);
        var unnamed = DialogHost.Content(host).Part<DialogWords>().UnnamedMember;

        var again = await Say("quay lại");
        Assert.Contains($"({unnamed})", again);
        Assert.DoesNotContain(userId, again);

        var report = await Say("xuất báo cáo");
        var link = Regex.Match(report, @"\((http://127\.0\.0\.1:\d+/reports/[0-9a-f]{32})\)").Groups[1].Value;
        using (var document = WordprocessingDocument.Open(new MemoryStream(await host.Client.GetByteArrayAsync(link)), false))
        {
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(unnamed, text);
            Assert.DoesNotContain(userId, text);
        }

        using var admin = new HttpClient { BaseAddress = host.Client.BaseAddress };
        admin.DefaultRequestHeaders.Add("X-Admin-Key", Key);
        var cells = Xlsx.Read(await admin.GetByteArrayAsync("/api/admin/export/units.xlsx")).Values.SelectMany(s => s).SelectMany(r => r).ToList();
        Assert.Contains(unnamed, cells);
        Assert.DoesNotContain(cells, c => c.Contains(userId));
        var unitId = (string)JArray.Parse(await admin.GetStringAsync("/api/admin/units"))[0]["id"]!;
        // What the dashboard shows of people: member names and who answered (ids stay in the JSON for links).
        var detail = JObject.Parse(await admin.GetStringAsync($"/api/admin/units/{unitId}"));
        var shown = detail["members"]!.Select(m => (string)m["name"]!).Concat(detail.Descendants().OfType<JProperty>()
            .Where(p => p.Name == "answeredByName").Select(p => (string)p.Value!)).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, name => Assert.Equal(unnamed, name));
    }
}
