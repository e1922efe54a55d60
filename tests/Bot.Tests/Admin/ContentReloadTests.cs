using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AnToan.Bot.Tests.Dialogs;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Knowledge;
using AnToan.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Admin;

/// <summary>Reloading the knowledge files from the dashboard, on a copy of Knowledge/Content.</summary>
public sealed class ContentReloadTests : IAsyncLifetime
{
    private string _content = "";
    private TestBotHost _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _content = ContentCopy.Create();
        _host = await TestBotHost.StartAsync(settings: [$"Admin:ApiKey={AdminHost.Key}", $"Knowledge:ContentPath={_content}"]);
        _admin = new HttpClient { BaseAddress = _host.Client.BaseAddress };
        _admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminHost.Key);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
        Directory.Delete(_content, true);
    }

    private Task<HttpResponseMessage> ReloadAsync() => _admin.PostAsync("/api/admin/content/reload", null);

    private async Task<string> HelpAsync() => string.Join("\n", await new ChatClient(_host.Client, "u", $"c-{Guid.NewGuid():N}").SayAsync("trợ giúp"));

    [Fact]
    public async Task ABrokenJsonFile_IsReportedWithFileLineAndReason_AndTheRunningContentStays()
    {
        var store = _host.App.Services.GetRequiredService<KnowledgeStore>();
        var before = store.Current;
        var help = await HelpAsync();
        var path = Path.Combine(_content, "passages.json");
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(5, "    \"broken\": ,");
        File.WriteAllLines(path, lines);

        var response = await ReloadAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(error.GetProperty("reloaded").GetBoolean());
        Assert.Equal("passages.json", error.GetProperty("file").GetString());
        Assert.Equal(6, error.GetProperty("line").GetInt64());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("reason").GetString()));
        Assert.Same(before, store.Current);
        Assert.Equal(help, await HelpAsync());

        var audit = (await _admin.GetFromJsonAsync<JsonElement>("/api/admin/audit"))[0];
        Assert.Equal("content-reload", audit.GetProperty("action").GetString());
        Assert.False(audit.GetProperty("succeeded").GetBoolean());
        Assert.StartsWith("passages.json:6:", audit.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ABrokenTemplate_IsReportedWithItsLine_AndAFixedOneGoesIntoService()
    {
        var help = Path.Combine(_content, "templates", "help.sbn");
        var original = File.ReadAllText(help);
        File.WriteAllText(help, "Dòng một\n{{ if }}\n" + original);

        var broken = await ReloadAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        var error = await broken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("templates/help.sbn", error.GetProperty("file").GetString());
        Assert.Equal(2, error.GetProperty("line").GetInt64());
        Assert.DoesNotContain("Dòng một", await HelpAsync());

        File.WriteAllText(help, "**Trợ giúp đã sửa trên máy chủ**\n" + original);
        var fixedUp = await ReloadAsync();

        Assert.Equal(HttpStatusCode.OK, fixedUp.StatusCode);
        Assert.True((await fixedUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reloaded").GetBoolean());
        Assert.Contains("Trợ giúp đã sửa trên máy chủ", await HelpAsync());
    }

    /// <summary>The reload was refused (422) naming the file and the name, and the content in service is still <paramref name="before"/>.</summary>
    private async Task AssertRefusedAsync(HttpResponseMessage response, string file, string name, AnToan.Knowledge.Model.KnowledgeContent before)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(file, error.GetProperty("file").GetString());
        Assert.Contains(name, error.GetProperty("reason").GetString());
        Assert.Same(before, _host.App.Services.GetRequiredService<KnowledgeStore>().Current);
    }

    [Fact]
    public async Task ARenamedTemplateOrARemovedIntent_FailsTheReload_NamingFileAndName_AndTheRunningContentStays()
    {
        var store = _host.App.Services.GetRequiredService<KnowledgeStore>();
        var before = store.Current;
        File.Move(Path.Combine(_content, "templates", "dialog-paused.sbn"), Path.Combine(_content, "templates", "dialog-on-hold.sbn"));

        var renamed = await ReloadAsync();

        await AssertRefusedAsync(renamed, "templates/dialog-paused.sbn", "'dialog-paused'", before);

        File.Move(Path.Combine(_content, "templates", "dialog-on-hold.sbn"), Path.Combine(_content, "templates", "dialog-paused.sbn"));
        var intents = Path.Combine(_content, "intents.json");
        File.WriteAllLines(intents, File.ReadAllLines(intents).Where(l => !l.Contains("\"id\": \"back\"", StringComparison.Ordinal)));

        var removed = await ReloadAsync();

        await AssertRefusedAsync(removed, "intents.json", "'back'", before);
    }

    [Fact]
    public async Task ATemplateNoCodeRenders_FailsTheReload_NamingFileAndName_UntilItIsDeclaredOptional()
    {
        var store = _host.App.Services.GetRequiredService<KnowledgeStore>();
        var before = store.Current;
        var spare = Path.Combine(_content, "templates", "notify-spare.sbn");
        File.WriteAllText(spare, "Thông báo dự phòng");

        var unused = await ReloadAsync();

        await AssertRefusedAsync(unused, "templates/notify-spare.sbn", "'notify-spare'", before);

        File.WriteAllText(spare, "{{# optional: mẫu cho kênh sắp mở }}\nThông báo dự phòng");
        Assert.Equal(HttpStatusCode.OK, (await ReloadAsync()).StatusCode);
        Assert.True(store.Current.Templates.IsOptional("notify-spare"));
    }

    [Fact]
    public async Task AfterAReload_TheSearchFollowsTheNewContent()
    {
        const string question = "chim cánh cụt có được tuần tra ban đêm ở khu công nghiệp không";
        var path = Path.Combine(_content, "passages.json");
        var passages = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        var chat = new ChatClient(_host.Client, "u", "c-search");
        await chat.SayAsync(question);
        passages[0]!["paraphrases"]!.AsArray().Add(question);
        File.WriteAllText(path, passages.ToJsonString());

        var reload = await (await ReloadAsync()).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(reload.GetProperty("indexEntries").GetInt32() > passages.Count);
        await chat.SayAsync(question);

        var asked = (await _admin.GetFromJsonAsync<JsonElement>("/api/admin/questions")).GetProperty("mostAsked")[0];
        Assert.Equal(question, asked.GetProperty("text").GetString());
        Assert.Equal(2, asked.GetProperty("count").GetInt32());
        Assert.Equal(1, asked.GetProperty("unanswered").GetInt32()); // declined before the reload, answered after
    }

    [Fact]
    public async Task ABrokenAdminFile_KeepsEverythingAsItWas()
    {
        var store = _host.App.Services.GetRequiredService<KnowledgeStore>();
        var before = store.Current;
        File.WriteAllText(Path.Combine(_content, "admin.json"), "{ \"unitStatus\": ");

        var response = await ReloadAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("admin.json", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("file").GetString());
        Assert.Same(before, store.Current);
    }

    [Fact]
    public async Task ABrokenDialogsFile_IsRefused_AndAFixedOneChangesWhatTheBotUnderstands()
    {
        var store = _host.App.Services.GetRequiredService<KnowledgeStore>();
        var before = store.Current;
        var path = Path.Combine(_content, "dialogs.json");
        var original = File.ReadAllText(path);
        var joinUnknown = await new ChatClient(_host.Client, "u", "c-join").AskAsync("tham gia ZZ9ZZ9");
        var beforeReload = await new ChatClient(_host.Client, "u", "c-before").AskAsync("ghi danh ZZ9ZZ9");
        Assert.NotEqual(joinUnknown, beforeReload);
        File.WriteAllText(path, "{ \"buttons\": ");

        var broken = await ReloadAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.Equal("dialogs.json", (await broken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("file").GetString());
        Assert.Same(before, store.Current);

        File.WriteAllText(path, original.Replace("\"join\": [", "\"join\": [\"ghi danh\", ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await ReloadAsync()).StatusCode);
        Assert.Equal(joinUnknown, await new ChatClient(_host.Client, "u", "c-after").AskAsync("ghi danh ZZ9ZZ9"));
    }
}
