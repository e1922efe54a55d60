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
    [InlineData("chưa làm", "todo")]
    public async Task Choice_OneTapSavesTheItem_AndMovesOn(string answer, string status)
    {
        var unit = h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("danh muc viec can lam").AsksItem(h, 1)
            .Send(answer).AsksItem(h, 2)
            .StartTestAsync();
        var saved = Answers(unit)[h.Checklist[0].Id];
        Assert.Equal((status, null, null, "test:user1"), (saved.Status, saved.Date, saved.Note, saved.AnsweredBy));
    }

    [Theory]
    [InlineData("đã làm 15/3, NQ số 12", "done", "2021-03-15", "NQ số 12")]
    [InlineData("da lam ngay 5 thang 3 - Nghị quyết số 05-NQ/ĐU", "done", "2021-03-05", "Nghị quyết số 05-NQ/ĐU")]
    [InlineData("Đang làm: chờ họp chi bộ", "doing", null, "chờ họp chi bộ")]
    [InlineData("đã làm hôm qua", "done", "2021-06-14", null)]
    [InlineData("xong rồi, thứ hai tuần trước", "done", "2021-06-07", null)]
    public async Task Choice_WithDateAndNoteInTheSameMessage_SavesAll(string answer, string status, string? date, string? note)
    {
        var unit = h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send(answer).AsksItem(h, 2)
            .StartTestAsync();
        var saved = Answers(unit)[h.Checklist[0].Id];
        Assert.Equal((status, date is null ? (DateOnly?)null : DateOnly.Parse(date), note), (saved.Status, saved.Date, saved.Note));
    }

    [Theory]
    [InlineData("đã làm 31/12/9999")]
    [InlineData("đã làm 01/01/0001, NQ số 12")]
    [InlineData("đã làm ngày 5 tháng 3 năm 3000")]
    public async Task Choice_WithADateOfAnImpossibleYear_IsAskedAgain_AndNothingIsSaved(string answer)
    {
        var unit = h.Units.Seed("co-quan", Member());
        var retry = new { Kind = "choice", Choices = h.Words.ChecklistStatus.Append(h.Words.Guide).Select(c => c.Label) };
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send(answer).SaysTemplate(h, "dialog-retry", retry).AsksItem(h, 1)
            .StartTestAsync();
        Assert.Empty(Answers(unit));
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
}
