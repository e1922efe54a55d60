using System.Text.RegularExpressions;
using AnToan.Bot.Tests.Content;
using AnToan.Bot.Tests.WebChat;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AnToan.Bot.Tests.Admin;

/// <summary>The dashboard's content page in a real headless browser: an officer imports this year's guidance, reviews
/// and edits the draft beside its source, tries a question, publishes it and restores the earlier version.</summary>
public sealed class ContentPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>28/11/2026, 09:00 in Hanoi: twenty days before the guidance's dossier deadline.</summary>
    private static readonly DateTimeOffset Today = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    private static readonly byte[] Guidance = DocxBuilder.Create(DocxBuilder.Guidance(2026, new DateOnly(2026, 12, 18)));

    private static FilePayload GuidanceFile() => new()
    {
        Name = "huong-dan-2026.docx",
        MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Buffer = Guidance,
    };

    private async Task<IPage> SignInAsync(AdminHost admin, int width, int height)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = admin.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // the confirmations of publish and restore
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("Khóa quản trị").FillAsync(AdminHost.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Nội dung", Exact = true }).ClickAsync();
        await Expect(page.Locator("body[data-content-loaded=true]")).ToHaveCountAsync(1);
        return page;
    }

    private static async Task ImportAsync(IPage page)
    {
        await page.GetByLabel("Tệp văn bản").SetInputFilesAsync(GuidanceFile());
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên và tạo bản nháp" }).ClickAsync();
        await Expect(page.Locator("#draft")).ToBeVisibleAsync();
    }

    /// <summary>A screenshot of the screen with <paramref name="selector"/> at its top, to look at the layout.</summary>
    private static async Task ShotAsync(IPage page, string selector, string name)
    {
        await page.EvaluateAsync("s => document.querySelector(s).scrollIntoView({ block: 'start' })", selector);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"/tmp/{name}.png" });
    }

    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

    [Fact]
    public async Task Officer_ImportsAGuidance_EditsTheDraft_TriesIt_Publishes_AndRestoresVersion1()
    {
        await using var admin = await AdminHost.StartAsync();
        admin.Time.SetUtcNow(Today);
        var page = await SignInAsync(admin, 1280, 900);

        var versions = page.Locator("#versions tbody tr");
        await Expect(versions).ToHaveCountAsync(1);
        await Expect(versions.First).ToContainTextAsync("Đang dùng");

        // Import: the draft beside the paragraphs it was read from, with the dates found.
        await ImportAsync(page);
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Đã đọc “huong-dan-2026.docx”");
        await Expect(page.Locator("#draft-title")).ToContainTextAsync("15/HD-CAT-PV05");
        await Expect(page.Locator("#draft-paragraphs")).ToContainTextAsync("trước ngày 18/12/2026 và gửi Công an cấp xã");
        await Expect(page.Locator("#draft-dates")).ToContainTextAsync("18/12/2026");
        await Expect(page.Locator("#drafts tbody tr")).ToHaveCountAsync(1);
        Assert.Contains("18/12/2026", await page.Locator("#list-facts input[data-field=date]").EvaluateAllAsync<string[]>("xs => xs.map(x => x.value)"));
        await Expect(page.Locator("#doc-fields [data-field='document.date']")).ToHaveValueAsync("05/01/2026");
        var passages = page.Locator("#list-passages .item");
        Assert.True(await passages.CountAsync() >= 3);

        // An emptied title is refused next to the field, and nothing typed is lost.
        var first = passages.First;
        await first.GetByLabel("Tiêu đề").FillAsync("");
        await first.GetByLabel("Nội dung").FillAsync("Công an tỉnh hướng dẫn xây dựng phong trào năm 2026 (đoạn đã sửa khi duyệt).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(first.Locator(".field-error")).ToHaveTextAsync("Cần điền mục này.");
        await Expect(first.GetByLabel("Tiêu đề")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#draft-errors")).ToContainTextAsync("Những gì bạn đã nhập vẫn được giữ nguyên");
        await Expect(first.GetByLabel("Nội dung")).ToHaveValueAsync(new Regex("đoạn đã sửa khi duyệt"));

        await first.GetByLabel("Tiêu đề").FillAsync("Căn cứ hướng dẫn năm 2026");
        await first.GetByLabel("Cách hỏi khác (mỗi dòng một câu)").FillAsync("Hướng dẫn năm 2026 căn cứ vào đâu\nCăn cứ ban hành hướng dẫn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(page.Locator("#draft-state")).ToContainTextAsync("Đã lưu bản nháp");
        await Expect(page.Locator("#draft .field-error")).ToHaveCountAsync(0);
        await Expect(passages.First.GetByLabel("Tiêu đề")).ToHaveValueAsync("Căn cứ hướng dẫn năm 2026");
        await Expect(passages.First.GetByLabel("Cách hỏi khác (mỗi dòng một câu)")).ToHaveValueAsync("Hướng dẫn năm 2026 căn cứ vào đâu\nCăn cứ ban hành hướng dẫn");

        // Add and remove: a checklist item added then removed leaves the count as it was.
        var checklist = page.Locator("#list-checklist .item");
        var tasks = await checklist.CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "+ Thêm việc" }).ClickAsync();
        await Expect(checklist).ToHaveCountAsync(tasks + 1);
        await checklist.Last.GetByRole(AriaRole.Button, new() { Name = "Xóa" }).ClickAsync();
        await Expect(checklist).ToHaveCountAsync(tasks);

        // Try the draft.
        await page.GetByLabel("Câu hỏi thử").FillAsync("hạn nộp hồ sơ công nhận là khi nào");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi thử" }).ClickAsync();
        await Expect(page.Locator("#preview-answer .bubble")).ToContainTextAsync("18/12/2026");
        Assert.True(await page.Locator("#preview-answer .bubble strong").CountAsync() > 0); // markdown drawn, not shown raw
        await Expect(page.Locator("#preview-answer .bubble")).Not.ToContainTextAsync("**");
        await Expect(page.Locator("#preview-answer")).ToContainTextAsync("từ bản nháp này");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/admin-content-draft.png", FullPage = true });
        await ShotAsync(page, "#noi-dung", "admin-content-top");
        await ShotAsync(page, "#draft", "admin-content-draft-top");
        await ShotAsync(page, "#list-facts", "admin-content-facts");
        await ShotAsync(page, "#list-calendar", "admin-content-calendar");
        await ShotAsync(page, "#preview-form", "admin-content-try");

        // Publish: version 2 is in service, the draft becomes read-only.
        await page.GetByLabel("Ghi chú cho phiên bản").FillAsync("Hướng dẫn năm 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xuất bản", Exact = true }).ClickAsync();
        await Expect(page.Locator("#publish-result")).ToContainTextAsync("Đã xuất bản phiên bản 2");
        await Expect(versions).ToHaveCountAsync(2);
        var current = page.Locator("#versions tbody tr.current");
        await Expect(current).ToHaveCountAsync(1);
        await Expect(current.Locator("td").First).ToHaveTextAsync("2");
        await Expect(current).ToContainTextAsync("Hướng dẫn năm 2026");
        await Expect(current).ToContainTextAsync("Đang dùng");
        await Expect(passages.First.GetByLabel("Tiêu đề")).ToBeDisabledAsync();
        await Expect(page.Locator("#draft-notice")).ToContainTextAsync("đã được xuất bản thành phiên bản 2");
        await Expect(page.Locator("#drafts tbody tr").First).ToContainTextAsync("Đã xuất bản (phiên bản 2)");

        // Restore version 1.
        await page.GetByRole(AriaRole.Button, new() { Name = "Khôi phục phiên bản 1" }).ClickAsync();
        await Expect(page.Locator("#versions-result")).ToContainTextAsync("Đã khôi phục phiên bản 1");
        await Expect(current.Locator("td").First).ToHaveTextAsync("1");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Khôi phục phiên bản 2" })).ToBeVisibleAsync();
        await ShotAsync(page, "#versions", "admin-content-versions");

        // Every step is in the audit log.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhật ký" }).ClickAsync();
        var audit = page.Locator("#audit tbody");
        foreach (var action in new[] { "content-import", "content-edit", "content-publish", "content-restore" })
            await Expect(audit.Locator($"[title={action}]").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnAPhone_TheDraftIsStacked_AndNothingScrollsSideways()
    {
        await using var admin = await AdminHost.StartAsync();
        admin.Time.SetUtcNow(Today);
        var page = await SignInAsync(admin, 390, 844);
        Assert.False(await ScrollsSidewaysAsync(page));

        await ImportAsync(page);
        await Expect(page.Locator("#draft-paragraphs")).ToContainTextAsync("18/12/2026");
        // Measured in one go: the page may still be scrolling to the draft.
        var stacked = await page.EvaluateAsync<bool>(@"() => {
            const source = document.querySelector('#draft .source').getBoundingClientRect();
            const editor = document.querySelector('#draft-form').getBoundingClientRect();
            return editor.top >= source.bottom && editor.right <= 390;
        }");
        Assert.True(stacked, "the editor comes below the source on a phone, within the screen");
        await ShotAsync(page, "#draft", "admin-content-390-draft");
        await ShotAsync(page, "#list-passages", "admin-content-390-passages");
        await ShotAsync(page, "#list-calendar", "admin-content-390-calendar");

        await page.GetByLabel("Câu hỏi thử").FillAsync("hạn nộp hồ sơ công nhận là khi nào");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi thử" }).ClickAsync();
        await Expect(page.Locator("#preview-answer .bubble")).ToContainTextAsync("18/12/2026");
        Assert.False(await ScrollsSidewaysAsync(page));
        await ShotAsync(page, "#preview-form", "admin-content-390-try");

        await page.GetByRole(AriaRole.Button, new() { Name = "Xuất bản", Exact = true }).ClickAsync();
        await Expect(page.Locator("#publish-result")).ToContainTextAsync("Đã xuất bản phiên bản 2");
        await Expect(page.Locator("#versions tbody tr.current td").First).ToHaveTextAsync("2");
        Assert.False(await ScrollsSidewaysAsync(page));
        await ShotAsync(page, "#versions", "admin-content-390-versions");
        await ShotAsync(page, "#noi-dung", "admin-content-390-top");
    }
}
