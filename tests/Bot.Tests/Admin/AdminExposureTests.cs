using System.Net;
using AnToan.Bot.Channels.WebChat;
using AnToan.Bot.Tests.WebChat;

namespace AnToan.Bot.Tests.Admin;

/// <summary>Nothing the dashboard shows can be had from the public side: the web chat, its page, or odd spellings of admin paths.</summary>
public sealed class AdminExposureTests
{
    [Fact]
    public async Task NoAdminData_IsReachableFromThePublicWebChat()
    {
        await using var admin = await AdminHost.StartAsync();
        var unit = admin.Sources.AddUnit("Trường Bí Mật Zeta", "nha-truong", 10, AdminHost.Start, "Lan");
        admin.Sources.QuestionList.Add(new("Câu hỏi riêng tư Omega?", false, null, "web", AdminHost.Start));
        using var signedIn = admin.NewBrowserlikeClient();
        await AdminHost.LoginAsync(signedIn, AdminHost.Key); // leaves an audit entry and a live session
        string[] secrets = [unit.Name, unit.JoinCode, "Omega", "session:", AdminHost.Key];

        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = admin.BaseAddress };
        var chat = new WebChatClient(visitor);
        var id = (string)(await chat.StartAsync())["conversationId"]!;
        var seen = new List<string>();
        foreach (var text in new[] { "/api/admin/units", "danh sách đơn vị", unit.Name, unit.JoinCode, "nhật ký quản trị" })
            seen.Add((await chat.SayAsync(id, text)).ToString());
        // The visitor's own messages come back in the history; only what the bot says counts.
        seen.AddRange((await chat.HistoryAsync(id)).Where(a => (string?)a["from"]?["id"] == WebChatAdapter.BotAccount.Id).Select(a => a.ToString()));
        foreach (var path in new[] { "/", "/app.js", "/index.html" })
            seen.Add(await visitor.GetStringAsync(path));

        foreach (var body in seen)
            foreach (var secret in secrets)
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"public output holds {secret}: {body}");

        foreach (var path in new[]
        {
            "/api/admin/units", "/API/ADMIN/UNITS", "/api/admin/units/", "/api/admin/units/" + unit.Id, "/api/admin/overview?x=1",
            "/api/web/conversations/%2E%2E/%2E%2E/admin/units", "/api/admin%2Funits", "/admin/dashboard.html", "/admin/login.html",
            "/api/admin/export/units.xlsx", "/api/admin/audit",
        })
        {
            var response = await visitor.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(unit.Name, body);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync("/api/admin/units?key=" + AdminHost.Key)).StatusCode);
    }
}
