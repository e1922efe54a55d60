using AnToan.Bot.Tests.WebChat;
using AnToan.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AnToan.Bot.Tests.Admin;

/// <summary>The dashboard in a real headless browser against the real host.</summary>
public sealed class AdminPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static void Seed(AdminHost admin)
    {
        var content = admin.Host.App.Services.GetRequiredService<KnowledgeStore>().Current;
        var s = admin.Sources;
        var t0 = AdminHost.Start.AddDays(-30);
        var units = new[]
        {
            s.AddUnit("Trường THCS Kim Đồng", "nha-truong", 45, t0, "Lan", "Minh"),
            s.AddUnit("Trường Tiểu học Hoa Sen", "nha-truong", 30, t0, "Hà"),
            s.AddUnit("Công ty May Hòa Bình", "doanh-nghiep", 320, t0, "Hùng", "Mai", "Tú"),
            s.AddUnit("UBND xã Tân Lập", "co-quan", 25, t0, "Quang"),
        };
        for (var u = 0; u < units.Length; u++)
        {
            var criteria = AnToan.Dialogs.Flows.AssessmentDialog.CriteriaFor(content, units[u].Type);
            for (var i = 0; i < content.Checklist.Count * (4 - u) / 4; i++)
                s.Answer(units[u], "checklist", content.Checklist[i].Id, i % 3 == 2 ? "doing" : "done", t0.AddDays(u + i));
            for (var i = 0; i < criteria.Count * (3 - u) / 3; i++)
                s.Answer(units[u], "assessment", criteria[i].Id, i % 4 == 3 ? "unmet" : i % 4 == 2 ? "partial" : "met", t0.AddDays(10 + u + i), note: i == 0 ? "Có biên bản" : null);
        }
        s.UpcomingList.Add(new("bau-cu@2021-05-23-7", "Bầu cử đại biểu Quốc hội và HĐND các cấp", "election", new DateOnly(2021, 6, 16), AdminHost.Start.AddDays(8)));
        s.UpcomingList.Add(new("ngay-hoi@2021-08-19-0", "Ngày hội toàn dân bảo vệ an ninh Tổ quốc", "observance", new DateOnly(2021, 7, 30), AdminHost.Start.AddDays(52)));
        foreach (var (channel, outcome) in new[] { ("msteams", "delivered"), ("msteams", "delivered"), ("zalo", "delivered"), ("zalo", "skipped"), ("web", "failed") })
            s.DeliveryList.Add(new("thang-cao-diem@2021-06-01-0", "Tháng cao điểm phòng chống ma túy", channel, outcome, AdminHost.Start.AddDays(-7)));
        s.SubscriptionList.AddRange([new("msteams", true), new("msteams", true), new("zalo", true), new("zalo", false), new("web", true)]);
        for (var d = 0; d < 70; d += 3)
            s.QuestionList.Add(new(d % 2 == 0 ? "Hạn nộp hồ sơ công nhận là khi nào?" : "Giá vàng hôm nay?", d % 2 == 0, null, "web", AdminHost.Start.AddDays(-d)));
    }

    [Fact]
    public async Task Admin_LogsIn_SeesTheUnitsTableAndCharts_AndOpensAUnit()
    {
        await using var admin = await AdminHost.StartAsync();
        Seed(admin);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = admin.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/admin");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/login$"));
        await page.GetByLabel("Khóa quản trị").FillAsync("sai-khoa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.Locator("#error-key")).ToBeVisibleAsync();

        await page.GetByLabel("Khóa quản trị").FillAsync(AdminHost.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin$"));
        await Expect(page.Locator("body[data-loaded=true]")).ToHaveCountAsync(1);
        Assert.Equal("", await page.EvaluateAsync<string>("document.cookie")); // HttpOnly: scripts cannot read it

        // Overview: both charts drawn with data.
        await Expect(page.Locator("#kpi-units")).ToHaveTextAsync("4");
        var progressBars = page.Locator("#chart-progress svg rect[data-value]");
        await Expect(progressBars).ToHaveCountAsync(6);
        Assert.Contains(await progressBars.EvaluateAllAsync<double[]>("rs => rs.map(r => +r.dataset.value)"), v => v > 0);
        Assert.True(await page.Locator("#chart-questions svg rect[data-value]").EvaluateAllAsync<bool>("rs => rs.some(r => +r.dataset.value > 0 && +r.getAttribute('height') > 0)"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/admin.png", FullPage = true });

        // Units: the table, a filter, a sort, a unit's detail.
        await page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị" }).ClickAsync();
        var rows = page.Locator("#units-table tbody tr");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.First.Locator("td").First).ToHaveTextAsync("Công ty May Hòa Bình");
        await page.Locator("#unit-type").SelectOptionAsync("nha-truong");
        await Expect(rows).ToHaveCountAsync(2);
        await page.Locator("#unit-type").SelectOptionAsync("");
        await page.Locator("th[data-sort=gaps] button").ClickAsync();
        await page.Locator("th[data-sort=gaps] button").ClickAsync();
        await Expect(page.Locator("th[data-sort=gaps]")).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(rows.First.Locator("td").First).ToHaveTextAsync("UBND xã Tân Lập");

        await rows.Filter(new() { HasText = "Trường THCS Kim Đồng" }).ClickAsync();
        await Expect(page.Locator("#unit-detail")).ToBeVisibleAsync();
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Trường THCS Kim Đồng");
        await Expect(page.Locator("#detail-members li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#detail-assessment tbody")).ToContainTextAsync("Có biên bản");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/admin-units.png", FullPage = true });

        // Content: reload from the page, and the audit shows it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nội dung", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nạp lại nội dung" }).ClickAsync();
        await Expect(page.Locator("#reload-result")).ToContainTextAsync("Đã nạp lại nội dung");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/admin-content.png", FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhật ký" }).ClickAsync();
        await Expect(page.Locator("#audit tbody tr").First.Locator("[title=content-reload]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Câu hỏi" }).ClickAsync();
        await Expect(page.Locator("#q-most tbody tr").First).ToContainTextAsync("Hạn nộp hồ sơ công nhận là khi nào?");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/admin-questions.png", FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Thông báo" }).ClickAsync();
        await Expect(page.Locator("#n-deliveries tbody tr")).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/admin-notify.png", FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/login$"));
        await page.GotoAsync("/admin");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/login$"));
    }

    /// <summary>What the dashboard shows a Vietnamese reader, at desktop width and on a 390 px phone: answers by their
    /// title, commands not counted as questions, whole-number count axes, the audit log in Vietnamese, the date a task
    /// was done, tabs that all stay on screen and a hint on tables that scroll sideways.</summary>
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Dashboard_speaks_Vietnamese_counts_questions_only_and_fits_a_phone(int width, int height)
    {
        await using var admin = await AdminHost.StartAsync();
        var content = admin.Host.App.Services.GetRequiredService<KnowledgeStore>().Current;
        var s = admin.Sources;
        var unit = s.AddUnit("Trường THCS Kim Đồng", "nha-truong", 45, AdminHost.Start.AddDays(-30), "Lan");
        s.Answer(unit, "checklist", content.Checklist[0].Id, "done", AdminHost.Start.AddDays(-2), date: "2021-03-05");
        for (var i = 0; i < 3; i++)
        {
            s.QuestionList.Add(new("Hạn nộp hồ sơ công nhận là khi nào?", true, "fact:f-han-ho-so-cong-nhan", "web", AdminHost.Start.AddDays(-i)));
            s.QuestionList.Add(new("lịch tháng này", true, "intent:calendar.month", "web", AdminHost.Start.AddDays(-i)));
            s.QuestionList.Add(new("tham gia", true, "intent:unit.join", "web", AdminHost.Start.AddDays(-i)));
        }
        s.VoteList.Add(new("ai ban hành hướng dẫn 413", "passage:hd413-ban-hanh", false, AdminHost.Start.AddDays(-1)));
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = admin.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("Khóa quản trị").FillAsync("sai-khoa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GetByLabel("Khóa quản trị").FillAsync(AdminHost.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.Locator("body[data-loaded=true]")).ToHaveCountAsync(1);

        // Every tab is on screen: none starts or ends beyond the viewport.
        var tabs = await page.Locator(".tabs a").EvaluateAllAsync<double[][]>("as => as.map(a => { const r = a.getBoundingClientRect(); return [r.left, r.right]; })");
        Assert.Equal(6, tabs.Length);
        Assert.All(tabs, t => { Assert.InRange(t[0], 0, width); Assert.InRange(t[1], 0, width); });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page itself does not scroll sideways");

        // The questions chart counts only the questions (3), on whole-number ticks, with text at a readable size.
        var questionBars = page.Locator("#chart-questions svg rect[data-value]");
        Assert.Equal(3, await questionBars.EvaluateAllAsync<int>("rs => rs.reduce((s, r) => s + +r.dataset.value, 0)"));
        var ticks = await page.Locator("#chart-questions svg text[text-anchor=end]").AllTextContentsAsync();
        Assert.All(ticks, t => Assert.Matches("^[0-9]+$", t));
        Assert.Equal(ticks.Count, ticks.Distinct().Count());
        var smallest = await page.Locator("#chart-questions svg text").EvaluateAllAsync<double>("ts => Math.min(...ts.map(t => t.getBoundingClientRect().height))");
        Assert.True(smallest >= 10, $"chart text {smallest}px high");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"/tmp/admin-overview-{width}.png", FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Câu hỏi" }).ClickAsync();
        await Expect(page.Locator("#q-most tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#q-most tbody")).Not.ToContainTextAsync("lịch tháng này");
        var down = page.Locator("#q-down tbody tr").First;
        await Expect(down).Not.ToContainTextAsync("passage:");
        var index = admin.Host.App.Services.GetRequiredService<AnToan.Knowledge.Search.KnowledgeSearch>().Index;
        var title = AnToan.Knowledge.Answers.AnswerComposer.QuestionFor(index.ByKey["passage:hd413-ban-hanh"], index);
        await Expect(down).ToContainTextAsync(title);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"/tmp/admin-questions-{width}.png", FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Nhật ký" }).ClickAsync();
        var audit = page.Locator("#audit tbody");
        await Expect(audit).ToContainTextAsync("Sai khóa quản trị");
        var words = await audit.InnerTextAsync();
        foreach (var english in new[] { "anonymous", "api-key", "wrong key", "login", "session:", "attempts" })
            Assert.DoesNotContain(english, words);
        var hint = page.Locator("#audit").Locator("xpath=../preceding-sibling::p[contains(@class,'scroll-hint')]");
        if (width < 600) await Expect(hint).ToBeVisibleAsync();
        else await Expect(hint).ToBeHiddenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"/tmp/admin-audit-{width}.png", FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị" }).ClickAsync();
        await page.Locator("#units-table tbody tr").First.ClickAsync();
        await Expect(page.Locator("#detail-history tbody")).ToContainTextAsync("05/03/2021");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"/tmp/admin-unit-{width}.png", FullPage = true });
    }
}
