using AnToan.Knowledge.Text;
using AnToan.Tests;
using AnToan.Dialogs.Flows;
using AnToan.Dialogs.Units;
using Microsoft.Bot.Schema;
using static AnToan.Dialogs.Tests.Conversations.ConversationHarness;

namespace AnToan.Dialogs.Tests.Conversations;

/// <summary>The checklist's guidance and summary, the self-assessment, units, progress and the report.</summary>
public sealed class FlowConversationTests
{
    private readonly ConversationHarness h = new();

    private void Answer(Unit unit, string list, string itemId, string status, string who = "test:user1") =>
        h.Units.SaveAnswerAsync(new UnitAnswer(unit.Id, list, itemId, status, null, null, who, who, h.Time.GetUtcNow()), default).Wait();

    [Fact]
    public async Task Resume_AfterAFinishedAssessment_GoesToTheUnfinishedChecklist_AndTheSummaryOffersWhatsNext()
    {
        var unit = h.Units.Seed("co-quan", Member());
        var criteria = AssessmentDialog.CriteriaFor(h.Replies.Content, "co-quan");
        foreach (var c in criteria.SkipLast(1)) Answer(unit, ShippedLists.Assessment, c.Id, "met");
        foreach (var item in h.Checklist.Take(2)) Answer(unit, ShippedLists.Checklist, item.Id, "done");
        await h.Flow()
            .Send("checklist").AsksItem(h, 3)
            .Send("tự đánh giá").Says($"{criteria.Count}/{criteria.Count}")
            .Send("đạt").AssertReply(a =>
            {
                var buttons = ((IMessageActivity)a).SuggestedActions.Actions.Select(b => b.Title).ToList();
                Assert.Equal([h.Words.Button("progress"), h.Words.Button("report"), h.Words.Button("checklist")], buttons);
            }, "the assessment's result with what to do next")
            .Send("tiếp tục").SaysTemplate(h, "dialog-resumed").AsksItem(h, 3)
            .StartTestAsync();
    }

    [Fact]
    public async Task LongGuidance_IsShortenedAtAWordBoundary()
    {
        var unit = h.Units.Seed("co-quan", Member());
        var flow = h.Flow().Send("checklist");
        for (var n = 1; n <= h.Checklist.Count; n++)
        {
            var item = h.Checklist[n - 1];
            flow = flow.AssertReply(a =>
            {
                var shown = FlowExpectations.Text(a).Split('\n')[1].TrimEnd('.', '…');
                Assert.StartsWith(shown, item.Guidance);
                Assert.True(shown.Length == item.Guidance.Length || !char.IsLetterOrDigit(item.Guidance[shown.Length]), $"cut mid-word: {shown}");
            }, $"item {n}");
            if (n < h.Checklist.Count) flow = flow.Send("chưa làm");
        }
        await flow.StartTestAsync();
    }

    [Fact]
    public async Task SeeGuidance_ShowsTheFullTextAndItsSource_ThenAsksAgain()
    {
        h.Units.Seed("co-quan", Member());
        var item = h.Checklist[0];
        var document = h.Replies.Content.DocumentsById[item.Source.Document];
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("xem huong dan").AssertReply(a =>
            {
                var text = FlowExpectations.Text(a);
                Assert.Contains(item.Guidance, text);
                Assert.Contains(document.Number, text);
                Assert.All(item.Evidence ?? [], e => Assert.Contains(e, text));
            }, "the guidance in full")
            .AssertReply(a =>
            {
                Assert.Contains($"1/{h.Checklist.Count}: {item.Title}", FlowExpectations.Text(a));
                Assert.DoesNotContain(item.Guidance[..Math.Min(60, item.Guidance.Length)], FlowExpectations.Text(a));
            }, "the question again, without repeating the guidance")
            .StartTestAsync();
    }

    [Fact]
    public async Task Checklist_StartsAtTheFirstUnansweredItem_AndEndsWithASummary()
    {
        var unit = h.Units.Seed("co-quan", Member());
        foreach (var item in h.Checklist.Take(h.Checklist.Count - 1).Skip(1)) Answer(unit, ShippedLists.Checklist, item.Id, "done");
        var last = h.Checklist.Count;
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("chưa làm").AsksItem(h, last)
            .Send("đang làm").AssertReply(a =>
            {
                var text = FlowExpectations.Text(a);
                Assert.Contains(h.Checklist[0].Title, text);
                Assert.Contains(h.Checklist[^1].Title, text);
                Assert.DoesNotContain(h.Checklist[1].Title, text);
            }, "the summary naming what is still open")
            .Send("checklist").SaysTemplate(h, "dialog-checklist-review", new { Total = last, Done = last - 2, Doing = 1, Todo = 1 })
            .Send("có").AsksItem(h, 1)
            .StartTestAsync();
    }

    [Fact]
    public async Task Assessment_AsksTheCriteriaOfTheUnitsType_AndNamesTheGapsWithRemedies()
    {
        var unit = h.Units.Seed("doanh-nghiep", Member());
        var criteria = AssessmentDialog.CriteriaFor(h.Replies.Content, "doanh-nghiep");
        Assert.DoesNotContain(criteria, c => !c.UnitTypes.Contains("doanh-nghiep"));
        foreach (var c in criteria.Skip(1)) Answer(unit, ShippedLists.Assessment, c.Id, "met");
        await h.Flow()
            .Send("tự đánh giá").Says($"1/{criteria.Count}: {criteria[0].Title}")
            .Send("một phần, Có kế hoạch, chưa có nghị quyết").AssertReply(a =>
            {
                var text = FlowExpectations.Text(a);
                Assert.Contains(criteria[0].Remedy, text);
                Assert.Contains(criteria[1].Title, text);
                Assert.Contains("124/2021", text);
            }, "the result: met, gaps with remedies, and the recognition statement")
            .StartTestAsync();
        var saved = (await h.Units.GetAnswersAsync(unit.Id, ShippedLists.Assessment, default))[criteria[0].Id];
        Assert.Equal(("partial", "Có kế hoạch, chưa có nghị quyết"), (saved.Status, saved.Note));
    }

    [Fact]
    public async Task Assessment_ForASchool_UsesTheSchoolCriteria()
    {
        h.Units.Seed("nha-truong", Member());
        var criteria = AssessmentDialog.CriteriaFor(h.Replies.Content, "nha-truong");
        Assert.NotEmpty(criteria);
        await h.Flow().Send("tu danh gia").Says($"1/{criteria.Count}: {criteria[0].Title}").StartTestAsync();
    }

    [Fact]
    public async Task Join_WithTheCode_PutsTheColleagueInTheUnit()
    {
        var unit = h.Units.Seed("co-quan", Member("user1"));
        await h.Flow("user2", "conv2")
            .Send("tham gia ZZ999Q").SaysTemplate(h, "dialog-unit-join-unknown", new { Code = "ZZ999Q" }).SaysTemplate(h, "dialog-unit-join-code")
            .Send(unit.JoinCode.ToLowerInvariant()).Says(unit.Name)
            .StartTestAsync();
        Assert.Equal(unit, await h.Units.FindByMemberAsync(Member("user2"), default));
    }

    [Theory]
    [InlineData("tham gia ABCDEF", "ABCDEF")]
    [InlineData("tham gia abcdef", "ABCDEF")]
    [InlineData("Tham gia K7M2QX", "K7M2QX")]
    public async Task Join_WithALettersOnlyCode_IsAJoin(string text, string code)
    {
        h.Units.Seed("co-quan", Member("user1"));
        await h.Flow("user2", "conv2").Send(text).SaysTemplate(h, "dialog-unit-join-unknown", new { Code = code }).StartTestAsync();
    }

    [Theory]
    [InlineData("tham gia truong")]
    [InlineData("tham gia hoc tap")]
    public async Task Join_FollowedByAWord_IsNoCode(string text)
    {
        await h.Flow().Send(text).RoutedOutsideTheDialog().StartTestAsync();
    }

    [Fact]
    public async Task JoinCodePrompt_OffersAWayOut_AndHearsQuestions()
    {
        var h = new ConversationHarness(["hạn nộp hồ sơ côg nhận"]);
        h.Units.Seed("co-quan", Member("user1"));
        await h.Flow("user2", "conv2")
            .Send("tham gia ZZ999Q").SaysTemplate(h, "dialog-unit-join-unknown", new { Code = "ZZ999Q" })
            .AssertReply(a => Assert.Contains(h.Words.Button("cancel"), ((Microsoft.Bot.Schema.IMessageActivity)a).SuggestedActions.Actions.Select(b => b.Title)), "a cancel button")
            .Send("hạn nộp hồ sơ côg nhận").RoutedOutsideTheDialog()
            .SaysTemplate(h, "dialog-offer-back", new { Place = h.Render("dialog-unit-join-code-place") })
            .Send("có").Says(h.Render("dialog-unit-join-code"))
            .Send("mình không có mã").SaysTemplate(h, "dialog-retry", new { Kind = "code" })
            .SaysTemplate(h, "dialog-unit-join-code")
            .Send("hủy").SaysTemplate(h, "dialog-cancelled")
            .StartTestAsync();
    }

    [Fact]
    public async Task CreateUnit_WhenAlreadyInOne_ShowsItsCode()
    {
        var unit = h.Units.Seed("co-quan", Member());
        await h.Flow().Send("tạo đơn vị").Says(unit.JoinCode).StartTestAsync();
        Assert.Equal(unit, await h.Units.FindByMemberAsync(Member(), default));
    }

    [Fact]
    public async Task Progress_CountsEachList_AndTheDaysToTheNextDeadline()
    {
        var unit = h.Units.Seed("co-quan", Member());
        var dated = h.Checklist.Where(i => i.Due is not null).OrderBy(i => DateOnly.Parse(i.Due!)).ToList();
        var next = dated.First(i => DateOnly.Parse(i.Due!) >= new DateOnly(2021, 6, 15));
        Answer(unit, ShippedLists.Checklist, h.Checklist[0].Id, "done");
        Answer(unit, ShippedLists.Checklist, h.Checklist[1].Id, "doing");
        await h.Flow()
            .Send("tiến độ").AssertReply(a =>
            {
                var text = FlowExpectations.Text(a);
                Assert.Contains($"1/{h.Checklist.Count}", text);
                Assert.Contains(next.Title, text);
                Assert.Contains($"{DateOnly.Parse(next.Due!).DayNumber - new DateOnly(2021, 6, 15).DayNumber}", text);
            }, "progress with the days left")
            .StartTestAsync();
    }

    [Fact]
    public async Task Progress_ShowsTheOverdueTasks()
    {
        var unit = h.Units.Seed("co-quan", Member());
        var today = new DateOnly(2021, 6, 15);
        var overdue = h.Checklist.Where(i => DateOnly.TryParse(i.Due, out var due) && due < today).ToList();
        Assert.NotEmpty(overdue);
        Answer(unit, ShippedLists.Checklist, overdue[0].Id, "doing");
        await h.Flow()
            .Send("tiến độ").AssertReply(a =>
            {
                var text = FlowExpectations.Text(a);
                Assert.All(overdue, i => Assert.Contains(i.Title, text));
                Assert.Contains(DateText.Of(DateOnly.Parse(overdue[0].Due!)), text);
                Assert.Contains(h.Words.ChecklistStatus[1].Label, text);
            }, "progress naming what is overdue")
            .StartTestAsync();
    }

    [Fact]
    public async Task Report_PublishesTheUnitsAnswers_AndLinksThem()
    {
        var unit = h.Units.Seed("co-quan", Member());
        Answer(unit, ShippedLists.Checklist, h.Checklist[0].Id, "done");
        await h.Flow()
            .Send("xuất báo cáo").AssertReply(a => Assert.Contains("https://bot.example/reports/1", FlowExpectations.Text(a)), "the link")
            .StartTestAsync();
        var report = Assert.Single(h.Reports.Published);
        Assert.Equal(unit.Name, report.Unit.Name);
        Assert.Equal(h.Words.ChecklistStatus[0].Label, report.Checklist[0].Status);
        Assert.Null(report.Checklist[1].Status);
        var criteria = AssessmentDialog.CriteriaFor(h.Replies.Content, "co-quan");
        var overdue = h.Checklist.Skip(1).Where(i => DateOnly.TryParse(i.Due, out var due) && due < new DateOnly(2021, 6, 15)).ToList();
        Assert.NotEmpty(overdue);
        Assert.Equal([.. criteria.Select(c => c.Title), .. overdue.Select(i => i.Title)], report.Gaps.Select(g => g.Title));
        Assert.All(report.Gaps.Take(criteria.Count), g => Assert.NotNull(g.Remedy));
        Assert.All(report.Gaps.Skip(criteria.Count), g => Assert.NotNull(g.Due));
    }

    [Fact]
    public async Task Progress_IgnoresAnswersToItemsNoLongerInTheChecklist()
    {
        var unit = h.Units.Seed("co-quan", Member());
        Answer(unit, ShippedLists.Checklist, h.Checklist[0].Id, "done");
        Answer(unit, ShippedLists.Checklist, "removed-item", "done");
        Answer(unit, ShippedLists.Assessment, "removed-criterion", "met");
        await h.Flow()
            .Send("tiến độ").AssertReply(a =>
            {
                var text = FlowExpectations.Text(a);
                Assert.Contains($"1/{h.Checklist.Count}", text);
                Assert.Contains($"0/{AssessmentDialog.CriteriaFor(h.Replies.Content, "co-quan").Count}", text);
            }, "only the current items count")
            .StartTestAsync();
    }

    [Fact]
    public async Task Progress_WithoutAUnit_SaysHowToGetOne() =>
        await h.Flow().Send("tiến độ").AssertReply(a =>
        {
            Assert.StartsWith(h.Render("dialog-unit-none")[..30], FlowExpectations.Text(a));
            Assert.NotEmpty(((IMessageActivity)a).SuggestedActions.Actions);
        }, "how to create or join a unit").StartTestAsync();
}
