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
}
