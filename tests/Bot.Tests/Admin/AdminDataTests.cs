using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AnToan.Bot.Admin;
using AnToan.Bot.Storage;
using AnToan.Dialogs.Flows;
using AnToan.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Admin;

/// <summary>Each view's JSON: units with progress, a unit's detail, questions, announcements, the overview.</summary>
public sealed class AdminDataTests
{
    /// <summary>A school that finished everything, a company half-way (with a changed answer), an agency that has not begun.</summary>
    private static (DirectoryUnit School, DirectoryUnit Company, DirectoryUnit Agency) Seed(AdminHost admin)
    {
        var content = admin.Host.App.Services.GetRequiredService<KnowledgeStore>().Current;
        var s = admin.Sources;
        var t0 = AdminHost.Start.AddDays(-20);
        var school = s.AddUnit("Trường THCS Kim Đồng", "nha-truong", 40, t0, "Lan", "Minh");
        foreach (var item in content.Checklist) s.Answer(school, "checklist", item.Id, "done", t0.AddDays(1), "Lan");
        foreach (var c in AssessmentDialog.CriteriaFor(content, "nha-truong")) s.Answer(school, "assessment", c.Id, "met", t0.AddDays(2), "Minh");

        var company = s.AddUnit("Công ty May Hòa Bình", "doanh-nghiep", 300, t0, "Hùng");
        s.Answer(company, "checklist", content.Checklist[0].Id, "todo", t0.AddDays(3), "Hùng");
        s.Answer(company, "checklist", content.Checklist[0].Id, "done", t0.AddDays(5), "Hùng"); // changed its mind
        s.Answer(company, "checklist", content.Checklist[1].Id, "doing", t0.AddDays(5), "Hùng");
        var criteria = AssessmentDialog.CriteriaFor(content, "doanh-nghiep");
        s.Answer(company, "assessment", criteria[0].Id, "met", t0.AddDays(6), "Hùng", note: "Có quy chế");
        s.Answer(company, "assessment", criteria[1].Id, "unmet", t0.AddDays(7), "Hùng");

        var agency = s.AddUnit("UBND xã Tân Lập", "co-quan", null, t0.AddDays(4));
        return (school, company, agency);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Units_ListEveryUnitWithItsProgress_AndFilterAndSort()
    {
        await using var admin = await AdminHost.StartAsync();
        var (school, company, agency) = Seed(admin);
        var content = admin.Host.App.Services.GetRequiredService<KnowledgeStore>().Current;
        using var client = admin.KeyClient();

        var units = (await GetAsync(client, "/api/admin/units")).EnumerateArray().ToDictionary(u => u.GetProperty("id").GetString()!);

        Assert.Equal(3, units.Count);
        var s = units[school.Id];
        Assert.Equal("Trường THCS Kim Đồng", s.GetProperty("name").GetString());
        Assert.Equal(2, s.GetProperty("members").GetInt32());
        Assert.Equal(content.Checklist.Count, s.GetProperty("progress").GetProperty("checklistDone").GetInt32());
        Assert.Equal(100, s.GetProperty("progress").GetProperty("checklistPercent").GetDouble());
        Assert.Equal(AssessmentDialog.CriteriaFor(content, "nha-truong").Count, s.GetProperty("progress").GetProperty("assessmentMet").GetInt32());
        Assert.Equal("complete", s.GetProperty("status").GetString());
        Assert.Equal(0, s.GetProperty("gaps").GetInt32());
        Assert.Equal(AdminHost.Start.AddDays(-18), s.GetProperty("lastActivity").GetDateTimeOffset());

        var c = units[company.Id];
        var criteria = AssessmentDialog.CriteriaFor(content, "doanh-nghiep");
        Assert.Equal(1, c.GetProperty("progress").GetProperty("checklistDone").GetInt32());
        Assert.Equal(2, c.GetProperty("progress").GetProperty("checklistAnswered").GetInt32());
        Assert.Equal(content.Checklist.Count, c.GetProperty("progress").GetProperty("checklistTotal").GetInt32());
        Assert.Equal(1, c.GetProperty("progress").GetProperty("assessmentMet").GetInt32());
        Assert.Equal(2, c.GetProperty("progress").GetProperty("assessmentAnswered").GetInt32());
        Assert.Equal(criteria.Count, c.GetProperty("progress").GetProperty("assessmentTotal").GetInt32());
        Assert.Equal("in-progress", c.GetProperty("status").GetString());
        var today = new DateOnly(2021, 6, 8);
        var overdue = content.Checklist.Skip(1).Count(i => DateOnly.TryParse(i.Due, out var due) && due < today);
        Assert.True(overdue > 0, "the content has a deadline before 8 June 2021");
        Assert.Equal(criteria.Count - 1 + overdue, c.GetProperty("gaps").GetInt32());
        Assert.Equal(AdminHost.Start.AddDays(-13), c.GetProperty("lastActivity").GetDateTimeOffset());

        var a = units[agency.Id];
        Assert.Equal("not-started", a.GetProperty("status").GetString());
        Assert.Equal(0, a.GetProperty("members").GetInt32());
        Assert.Equal(agency.CreatedAt, a.GetProperty("lastActivity").GetDateTimeOffset());

        string[] Names(JsonElement list) => list.EnumerateArray().Select(u => u.GetProperty("name").GetString()!).ToArray();
        Assert.Equal([company.Name], Names(await GetAsync(client, "/api/admin/units?type=doanh-nghiep")));
        Assert.Equal([school.Name], Names(await GetAsync(client, "/api/admin/units?status=complete")));
        Assert.Equal([agency.Name, company.Name, school.Name], Names(await GetAsync(client, "/api/admin/units?sort=gaps&desc=true")));
        Assert.Equal([company.Name, agency.Name, school.Name], Names(await GetAsync(client, "/api/admin/units?sort=lastActivity&desc=true")));
        Assert.Equal([agency.Name, company.Name, school.Name], Names(await GetAsync(client, "/api/admin/units?sort=checklist")));
    }

    [Fact]
    public async Task UnitDetail_ShowsMembers_LatestAnswers_Gaps_AndTheWholeHistory()
    {
        await using var admin = await AdminHost.StartAsync();
        var (_, company, _) = Seed(admin);
        var content = admin.Host.App.Services.GetRequiredService<KnowledgeStore>().Current;
        using var client = admin.KeyClient();

        var detail = await GetAsync(client, $"/api/admin/units/{company.Id}");

        Assert.Equal(company.Name, detail.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal(["Hùng"], detail.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var checklist = detail.GetProperty("checklist").EnumerateArray().ToList();
        Assert.Equal(content.Checklist.Select(i => i.Title), checklist.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal("done", checklist[0].GetProperty("answer").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, checklist[2].GetProperty("answer").ValueKind);
        var assessment = detail.GetProperty("assessment").EnumerateArray().ToList();
        var criteria = AssessmentDialog.CriteriaFor(content, "doanh-nghiep");
        Assert.Equal(criteria.Count, assessment.Count);
        Assert.Equal("Có quy chế", assessment[0].GetProperty("answer").GetProperty("note").GetString());
        var unmet = detail.GetProperty("gaps").EnumerateArray().First(g => g.GetProperty("itemId").GetString() == criteria[1].Id);
        Assert.Equal("unmet", unmet.GetProperty("status").GetString());
        Assert.Equal(criteria[1].Remedy, unmet.GetProperty("remedy").GetString());
        Assert.DoesNotContain(detail.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("itemId").GetString() == criteria[0].Id);
        var history = detail.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(5, history.Count);
        Assert.Equal("unmet", history[0].GetProperty("status").GetString()); // newest first
        Assert.Equal(["done", "todo"], history.Where(h => h.GetProperty("itemId").GetString() == content.Checklist[0].Id).Select(h => h.GetProperty("status").GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/admin/units/nope")).StatusCode);
    }

    [Fact]
    public async Task Questions_ShowMostAsked_Unanswered_DownVoted_AndWeeklyCounts()
    {
        await using var admin = await AdminHost.StartAsync();
        var now = AdminHost.Start;
        var q = admin.Sources.QuestionList;
        q.Add(new AskedQuestion("Hạn nộp báo cáo sơ kết là khi nào?", true, "p-deadline", "web", now.AddDays(-15)));
        q.Add(new AskedQuestion("han nop bao cao so ket la khi nao", true, "p-deadline", "zalo", now.AddDays(-2)));
        q.Add(new AskedQuestion("HẠN NỘP BÁO CÁO SƠ KẾT LÀ KHI NÀO ??", true, "p-deadline", "msteams", now.AddHours(-1)));
        q.Add(new AskedQuestion("Giá vàng hôm nay?", false, null, "web", now.AddDays(-1)));
        q.Add(new AskedQuestion("giá vàng hôm nay", false, null, "web", now.AddHours(-2)));
        q.Add(new AskedQuestion("Ai chủ trì?", true, "p-lead", "web", now.AddDays(-100))); // outside 12 weeks
        admin.Sources.VoteList.Add(new AnswerVote("Ai ký kế hoạch?", "p-plan", false, now.AddDays(-3)));
        admin.Sources.VoteList.Add(new AnswerVote("Ai ký kế hoạch?", "p-plan", false, now.AddDays(-2)));
        admin.Sources.VoteList.Add(new AnswerVote("Ai ký kế hoạch?", "p-plan", true, now.AddDays(-1)));
        admin.Sources.VoteList.Add(new AnswerVote("Hạn nộp?", "p-deadline", true, now.AddDays(-1)));
        using var client = admin.KeyClient();

        var view = await GetAsync(client, "/api/admin/questions");

        var most = view.GetProperty("mostAsked").EnumerateArray().ToList();
        Assert.Equal(["Hạn nộp báo cáo sơ kết là khi nào?", "Giá vàng hôm nay?"], most.Select(m => m.GetProperty("text").GetString()));
        Assert.Equal([3, 2], most.Select(m => m.GetProperty("count").GetInt32()));
        var unanswered = view.GetProperty("unanswered").EnumerateArray().Single();
        Assert.Equal("Giá vàng hôm nay?", unanswered.GetProperty("text").GetString());
        Assert.Equal(2, unanswered.GetProperty("unanswered").GetInt32());
        var down = view.GetProperty("downVoted").EnumerateArray().Single();
        Assert.Equal("p-plan", down.GetProperty("answerId").GetString());
        Assert.Equal(2, down.GetProperty("down").GetInt32());
        Assert.Equal(1, down.GetProperty("up").GetInt32());
        var weeks = view.GetProperty("perWeek").EnumerateArray().ToList();
        Assert.Equal(12, weeks.Count);
        Assert.Equal("2021-06-07", weeks[^1].GetProperty("week").GetString()); // Monday of 8 June 2021
        Assert.Equal(3, weeks[^1].GetProperty("asked").GetInt32());
        Assert.Equal(2, weeks[^1].GetProperty("unanswered").GetInt32());
        Assert.Equal(1, weeks[^2].GetProperty("asked").GetInt32()); // Sunday 6 June belongs to the week before
        Assert.Equal(1, weeks[^3].GetProperty("asked").GetInt32());
        Assert.Equal(6, weeks.Sum(w => w.GetProperty("asked").GetInt32()) + 1);
    }

    [Fact]
    public async Task Announcements_ShowUpcoming_DeliveriesPerChannel_AndSubscriptionsPerChannel_AlsoUnderTheOldNotificationsRoute()
    {
        await using var admin = await AdminHost.StartAsync();
        var s = admin.Sources;
        var today = new DateOnly(2021, 6, 8);
        s.UpcomingList.Add(new UpcomingAnnouncement("k1", "Ngày hội toàn dân bảo vệ ANTQ", "observance", today.AddDays(20), AdminHost.Start.AddDays(20)));
        s.UpcomingList.Add(new UpcomingAnnouncement("k2", "Tổng kết năm", "deadline", today.AddDays(200), AdminHost.Start.AddDays(200)));
        foreach (var (channel, outcome) in new[] { ("msteams", "delivered"), ("msteams", "delivered"), ("zalo", "failed"), ("zalo", "skipped"), ("web", "delivered") })
            s.DeliveryList.Add(new DeliveryRecord("a1", "Tháng cao điểm", channel, outcome, AdminHost.Start.AddDays(-1)));
        s.DeliveryList.Add(new DeliveryRecord("a0", "Bầu cử", "web", "delivered", AdminHost.Start.AddDays(-30)));
        s.SubscriptionList.AddRange([new("msteams", true), new("msteams", true), new("zalo", true), new("zalo", false)]);
        using var client = admin.KeyClient();

        var view = await GetAsync(client, "/api/admin/announcements/report");

        Assert.Equal(view.GetRawText(), (await GetAsync(client, "/api/admin/notifications")).GetRawText());
        Assert.Equal(["k1"], view.GetProperty("upcoming").EnumerateArray().Select(u => u.GetProperty("key").GetString()));
        var deliveries = view.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.Equal(["a1", "a0"], deliveries.Select(d => d.GetProperty("announcementKey").GetString()));
        var channels = deliveries[0].GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channelId").GetString()!);
        Assert.Equal(2, channels["msteams"].GetProperty("delivered").GetInt32());
        Assert.Equal(1, channels["zalo"].GetProperty("failed").GetInt32());
        Assert.Equal(1, channels["zalo"].GetProperty("skipped").GetInt32());
        Assert.Equal(1, channels["web"].GetProperty("delivered").GetInt32());
        var subscriptions = view.GetProperty("subscriptions").EnumerateArray().ToDictionary(c => c.GetProperty("channelId").GetString()!);
        Assert.Equal(2, subscriptions["msteams"].GetProperty("active").GetInt32());
        Assert.Equal(1, subscriptions["zalo"].GetProperty("active").GetInt32());
        Assert.Equal(1, subscriptions["zalo"].GetProperty("ended").GetInt32());
    }

    [Fact]
    public async Task Overview_CountsUnits_AndAveragesProgressPerUnitType_ForTheChart()
    {
        await using var admin = await AdminHost.StartAsync();
        var (_, company, _) = Seed(admin);
        using var client = admin.KeyClient();

        var overview = await GetAsync(client, "/api/admin/overview");

        Assert.Equal(3, overview.GetProperty("units").GetInt32());
        Assert.Equal(3, overview.GetProperty("members").GetInt32());
        Assert.Equal(1, overview.GetProperty("complete").GetInt32());
        var byType = overview.GetProperty("byType").EnumerateArray().ToDictionary(t => t.GetProperty("type").GetString()!);
        Assert.Equal(100, byType["nha-truong"].GetProperty("checklistPercent").GetDouble());
        Assert.Equal(0, byType["co-quan"].GetProperty("assessmentPercent").GetDouble());
        var companyRow = (await GetAsync(client, $"/api/admin/units?type=doanh-nghiep"))[0];
        Assert.Equal(companyRow.GetProperty("progress").GetProperty("assessmentPercent").GetDouble(), byType["doanh-nghiep"].GetProperty("assessmentPercent").GetDouble());
        Assert.True(byType["doanh-nghiep"].GetProperty("assessmentPercent").GetDouble() > 0);
        Assert.Equal(12, overview.GetProperty("questionsPerWeek").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(overview.GetProperty("labels").GetProperty("unitTypes").GetProperty(company.Type).GetString()));
    }
}
