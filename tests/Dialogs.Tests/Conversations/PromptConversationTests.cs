using AnToan.Tests;
using AnToan.Dialogs.Units;
using static AnToan.Dialogs.Tests.Conversations.ConversationHarness;

namespace AnToan.Dialogs.Tests.Conversations;

/// <summary>Every kind of question: choice, yes/no, number, date, free text — valid answers, and a re-prompt otherwise.</summary>
public sealed class PromptConversationTests
{
    private readonly ConversationHarness h = new();

    private IReadOnlyDictionary<string, UnitAnswer> Answers(Unit unit) => h.Units.GetAnswersAsync(unit.Id, ShippedLists.Checklist, default).Result;

    [Fact]
    public async Task YesNo_Number_TextAndChoice_CreateTheUnitThenTheChecklistStarts()
    {
        await h.Flow()
            .Send("danh mục việc cần làm").SaysTemplate(h, "dialog-unit-offer")
            .Send("ừ").SaysTemplate(h, "dialog-unit-name")
            .Send("Trường THPT Nguyễn Du").Says("Trường THPT Nguyễn Du")
            .Send("truong hoc").SaysTemplate(h, "dialog-unit-headcount")
            .Send("không người").SaysTemplate(h, "dialog-retry", new { Kind = "number", Min = 1, Max = 1_000_000 })
            .SaysTemplate(h, "dialog-unit-headcount")
            .Send("bốn mươi lăm").Says("AB001Z")
            .AsksItem(h, 1)
            .StartTestAsync();
        var unit = await h.Units.FindByMemberAsync(Member(), default);
        Assert.Equal(("Trường THPT Nguyễn Du", "nha-truong", 45L), (unit!.Name, unit.Type, unit.Headcount));
    }

    [Fact]
    public async Task YesNo_No_EndsWithHowToJoin()
    {
        await h.Flow()
            .Send("tự đánh giá").SaysTemplate(h, "dialog-unit-offer")
            .Send("dạ không").SaysTemplate(h, "dialog-unit-none")
            .Send("có").RoutedOutsideTheDialog()
            .StartTestAsync();
        Assert.Null(await h.Units.FindByMemberAsync(Member(), default));
    }

    [Fact]
    public async Task YesNo_Unclear_IsAskedAgain() =>
        await h.Flow()
            .Send("tự đánh giá").SaysTemplate(h, "dialog-unit-offer")
            .Send("để tôi xem đã").SaysTemplate(h, "dialog-retry", new { Kind = "yesno" }).SaysTemplate(h, "dialog-unit-offer")
            .Send("ok").SaysTemplate(h, "dialog-unit-name")
            .StartTestAsync();

    [Theory]
    [InlineData("1", "done")]
    [InlineData("Đã làm", "done")]
    [InlineData("da lam", "done")]
    [InlineData("xong rồi", "done")]
    [InlineData("2", "doing")]
    [InlineData("DANG LAM", "doing")]
    public async Task Choice_ByNumberLabelOrWithoutDiacritics_ThenDateAndNote(string answer, string status)
    {
        var unit = h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("danh muc viec can lam").AsksItem(h, 1)
            .Send(answer).SaysTemplate(h, "dialog-checklist-date", new { Status = h.Words.ChecklistStatus.First(s => s.Value == status).Label })
            .Send("thứ hai tuần trước").SaysTemplate(h, "dialog-checklist-note")
            .Send("Nghị quyết số 05-NQ/ĐU").AsksItem(h, 2)
            .StartTestAsync();
        var saved = Answers(unit)[h.Checklist[0].Id];
        Assert.Equal((status, new DateOnly(2021, 6, 7), "Nghị quyết số 05-NQ/ĐU", "test:user1"), (saved.Status, saved.Date, saved.Note, saved.AnsweredBy));
    }

    [Fact]
    public async Task Choice_NotYetDone_SkipsTheDate()
    {
        var unit = h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("chưa làm").SaysTemplate(h, "dialog-checklist-note")
            .Send("bỏ qua").AsksItem(h, 2)
            .StartTestAsync();
        Assert.Equal(("todo", null, null), (Answers(unit)[h.Checklist[0].Id].Status, Answers(unit)[h.Checklist[0].Id].Date, Answers(unit)[h.Checklist[0].Id].Note));
    }

    [Fact]
    public async Task Choice_Unrecognised_IsAskedAgainWithTheOptions()
    {
        h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("5").Says(h.Words.ChecklistStatus[0].Label).AsksItem(h, 1)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("05/3/2021", 2021, 3, 5)]
    [InlineData("ngày 5 tháng 3", 2021, 3, 5)]
    [InlineData("hôm qua", 2021, 6, 14)]
    [InlineData("Hôm nay", 2021, 6, 15)]
    public async Task Date_InDigitsOrWords(string answer, int year, int month, int day)
    {
        var unit = h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("đã làm").SaysTemplate(h, "dialog-checklist-date", new { Status = h.Words.ChecklistStatus[0].Label })
            .Send(answer).SaysTemplate(h, "dialog-checklist-note")
            .Send("-").AsksItem(h, 2)
            .StartTestAsync();
        Assert.Equal(new DateOnly(year, month, day), Answers(unit)[h.Checklist[0].Id].Date);
    }

    [Fact]
    public async Task Date_Unreadable_IsAskedAgain()
    {
        h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("đang làm").SaysTemplate(h, "dialog-checklist-date", new { Status = h.Words.ChecklistStatus[1].Label })
            .Send("lâu rồi").SaysTemplate(h, "dialog-retry", new { Kind = "date", Optional = true })
            .SaysTemplate(h, "dialog-checklist-date", new { Status = h.Words.ChecklistStatus[1].Label })
            .StartTestAsync();
    }

    [Fact]
    public async Task Text_OverTheLimit_IsAskedAgain()
    {
        var unit = h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("chưa làm").SaysTemplate(h, "dialog-checklist-note")
            .Send(new string('x', 501)).SaysTemplate(h, "dialog-retry", new { Kind = "text", MaxLength = 500, Optional = true })
            .SaysTemplate(h, "dialog-checklist-note")
            .Send("Chờ họp chi bộ").AsksItem(h, 2)
            .StartTestAsync();
        Assert.Equal("Chờ họp chi bộ", Answers(unit)[h.Checklist[0].Id].Note);
    }
}
