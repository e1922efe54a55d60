using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AnToan.Bot.Tests.Admin;
using AnToan.Bot.Tests.Dialogs;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Content;

/// <summary>The police office publishes this year's guidance itself: a .docx imported, reviewed and published over the
/// admin API is what the bot answers and the checklist it walks; restoring version 1 takes it out of service.</summary>
public sealed class ContentPublishingTests : IAsyncLifetime
{
    /// <summary>28/11/2026, 09:00 in Hanoi.</summary>
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Deadline = new(2026, 12, 18);
    private TestBotHost _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await TestBotHost.StartAsync(settings: [$"Admin:ApiKey={AdminHost.Key}"], clock: _clock);
        _admin = new HttpClient { BaseAddress = _host.Client.BaseAddress };
        _admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminHost.Key);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    private Task<HttpResponseMessage> ImportAsync(byte[] file, string name, params (string Key, string Value)[] fields)
    {
        // As browsers and curl do for large bodies: the server can refuse before the file is sent.
        _admin.DefaultRequestHeaders.ExpectContinue = file.Length > 1024 * 1024;
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        return _admin.PostAsync("/api/admin/content/imports", form);
    }

    private async Task<JsonElement> ImportGuidanceAsync(int year = 2026, string number = "15/HD-CAT-PV05")
    {
        var response = await ImportAsync(DocxBuilder.Create(DocxBuilder.Guidance(year, Deadline, number)), $"hd-{year}.docx");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> PublishAsync(string draftId) =>
        _admin.PostAsJsonAsync($"/api/admin/content/drafts/{draftId}/publish", new { note = "Hướng dẫn năm 2026" });

    private async Task<string> AskAsync(string question) =>
        string.Join("\n", await new ChatClient(_host.Client, "u", $"c-{Guid.NewGuid():N}").SayAsync(question));

    [Fact]
    public async Task APublishedGuidance_IsAnsweredForItsYear_TheOldOneForItsOwn_AndARestoreTakesItOut()
    {
        var draft = await ImportGuidanceAsync();
        Assert.Equal(2026, draft.GetProperty("year").GetInt32());
        Assert.Equal("15/HD-CAT-PV05", draft.GetProperty("document").GetProperty("number").GetString());
        Assert.Contains(draft.GetProperty("dates").EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-12-18");
        var id = draft.GetProperty("draftId").GetString()!;

        // Tried against the draft before it is published; the bot in service does not know it yet.
        var preview = await (await _admin.PostAsJsonAsync($"/api/admin/content/drafts/{id}/preview", new { question = "hạn nộp hồ sơ công nhận là khi nào" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("18/12/2026", preview.GetProperty("text").GetString());
        // 19/8 is kept every year already: not proposed again.
        Assert.DoesNotContain(draft.GetProperty("calendar").EnumerateArray(), e => e.GetProperty("recurring").GetBoolean());
        Assert.DoesNotContain("18/12/2026", await AskAsync("hạn nộp hồ sơ công nhận là khi nào"));

        var published = await PublishAsync(id);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(2, (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        // Subscribers of deadlines hear today that the new checklist is ready.
        var today = await _admin.GetFromJsonAsync<JsonElement>("/api/admin/announcements?from=2026-11-28&to=2026-11-28");
        Assert.Contains(today.EnumerateArray(), a => a.GetProperty("category").GetString() == "deadline"
            && a.GetProperty("text").GetString()!.Contains("15/HD-CAT-PV05") && a.GetProperty("text").GetString()!.Contains("danh mục việc cần làm"));

        var deadline = await AskAsync("han nop ho so cong nhan la khi nao");
        Assert.Contains("18/12/2026", deadline);
        Assert.Contains("Còn **20 ngày**", deadline);
        Assert.Contains("15/HD-CAT-PV05", deadline);
        Assert.Contains("92%", await AskAsync("Năm nay phấn đấu bao nhiêu phần trăm cơ quan, doanh nghiệp, nhà trường đạt chuẩn?"));
        Assert.Contains("Công an cấp xã", await AskAsync("hồ sơ đề nghị công nhận gửi cho cơ quan nào"));
        var old = await AskAsync("Năm 2021 hạn nộp hồ sơ công nhận là khi nào?");
        Assert.Contains("01/12/2021", old);
        Assert.DoesNotContain("18/12/2026", old);

        // A new unit's progress counts down to this year's deadline.
        var chat = new ChatClient(_host.Client, "lan", "conv-lan");
        await DialogHost.CreateUnitAsync(chat, "Trường THPT Lê Lợi");
        Assert.Contains("18/12/2026", await chat.AskAsync("tiến độ"));
        Assert.Contains("năm 2026", await chat.AskAsync("danh mục việc cần làm"));

        var versions = await _admin.GetFromJsonAsync<JsonElement>("/api/admin/content/versions");
        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(2026, versions[1].GetProperty("year").GetInt32());
        Assert.Equal("api-key", versions[1].GetProperty("publishedBy").GetString());
        Assert.True(versions[1].GetProperty("current").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync("/api/admin/content/versions/1/restore", null)).StatusCode);
        var restored = await AskAsync("han nop ho so cong nhan la khi nao");
        Assert.Contains("01/12/2021", restored);
        Assert.DoesNotContain("18/12/2026", restored);
        Assert.Contains("Năm 2026 chưa có hướng dẫn mới", restored);
        Assert.DoesNotContain("đã qua", restored);
        var progress = string.Join("\n", await chat.SayAsync("tiến độ"));
        Assert.Contains("Năm 2026 chưa có hướng dẫn mới", progress);
        Assert.DoesNotMatch(@"đã quá \d+ ngày", progress);
        // The list begun on the 2026 guidance cannot go on without it: the 2021 one starts.
        Assert.Contains("1/16", string.Join("\n", await chat.SayAsync("tiếp tục")));

        var audit = await _admin.GetFromJsonAsync<JsonElement>("/api/admin/audit");
        Assert.Equal(["content-restore", "content-publish", "content-import"],
            audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()).Where(a => a!.StartsWith("content-")).Take(3));
    }

    [Fact]
    public async Task TwoPublishesAtOnce_OneWins_TheOtherIsAConflict()
    {
        var first = (await ImportGuidanceAsync(2026)).GetProperty("draftId").GetString()!;
        var second = (await ImportGuidanceAsync(2027, "2/HD-CAT-PV05")).GetProperty("draftId").GetString()!;

        var results = await Task.WhenAll(PublishAsync(first), PublishAsync(second), PublishAsync(first));

        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(2, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(2, (await _admin.GetFromJsonAsync<JsonElement>("/api/admin/content/versions")).GetArrayLength());
    }

    [Fact]
    public async Task BadFiles_AreRefusedWithAReason()
    {
        var pdf = await ImportAsync("%PDF-1.7"u8.ToArray(), "hd.pdf");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, pdf.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await pdf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString()));

        var broken = await ImportAsync("not a zip"u8.ToArray(), "hd.docx");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await broken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString()));

        var large = await ImportAsync(new byte[11 * 1024 * 1024], "hd.txt");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);

        var badYear = await ImportAsync(DocxBuilder.Create(DocxBuilder.Guidance(2026, Deadline)), "hd.docx", ("year", "20x6"));
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
    }

    [Fact]
    public async Task AnEdit_IsCheckedFieldByField_AndAnOverrideWinsOverTheDocument()
    {
        var response = await ImportAsync(DocxBuilder.Create(DocxBuilder.Guidance(2026, Deadline)), "hd.docx", ("number", "99/HD-CAT-PV05"));
        var draft = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("99/HD-CAT-PV05", draft.GetProperty("document").GetProperty("number").GetString());
        var id = draft.GetProperty("draftId").GetString()!;

        var edit = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(draft.GetRawText())!;
        var passages = JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(edit["passages"].GetRawText())!;
        passages[0]["text"] = JsonSerializer.SerializeToElement("");
        edit["passages"] = JsonSerializer.SerializeToElement(passages);
        var invalid = await _admin.PutAsJsonAsync($"/api/admin/content/drafts/{id}", edit);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("passages[0].text", out _));

        passages[0]["text"] = JsonSerializer.SerializeToElement("Đoạn đã sửa: phấn đấu trên 95% đơn vị đạt chuẩn.");
        edit["passages"] = JsonSerializer.SerializeToElement(passages);
        var saved = await _admin.PutAsJsonAsync($"/api/admin/content/drafts/{id}", edit);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.StartsWith("Đoạn đã sửa", (await _admin.GetFromJsonAsync<JsonElement>($"/api/admin/content/drafts/{id}"))
            .GetProperty("passages")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task ASecondInstance_ServesWhatAnotherPublished_WithinSeconds()
    {
        var knowledge = _host.App.Services.GetRequiredService<KnowledgeStore>();
        var store = _host.App.Services.GetRequiredService<Bot.Content.IContentVersionStore>();
        // Another instance on the same database publishes: only the database changes here.
        var files = knowledge.Current.Files.With("ui.json", knowledge.Current.Files.Json["ui.json"]);
        var version = store.Publish(files, new Bot.Content.ContentVersion(0, 2021, "t", null, _clock.GetUtcNow(), "other"), expectedCurrent: 1);
        Assert.Equal(2, version);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (knowledge.Version != 2 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(2, knowledge.Version);
    }
}
