using AnToan.Tests;
using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Units;
using Microsoft.Bot.Builder;
using static AnToan.Dialogs.Tests.Conversations.ConversationHarness;

namespace AnToan.Dialogs.Tests.Conversations;

/// <summary>hủy, trợ giúp, quay lại, tạm dừng / tiếp tục — in any dialog, handled once by the engine.</summary>
public sealed class InterruptionConversationTests
{
    private readonly ConversationHarness h = new();

    private IReadOnlyDictionary<string, UnitAnswer> Answers(Unit unit) => h.Units.GetAnswersAsync(unit.Id, ShippedLists.Checklist, default).Result;

    [Fact]
    public async Task Cancel_EndsTheDialog_AndKeepsWhatWasAnswered()
    {
        var unit = h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("chưa làm").AsksItem(h, 2)
            .Send("hủy").SaysTemplate(h, "dialog-cancelled")
            .Send("đã làm").RoutedOutsideTheDialog()
            .Send("checklist").AsksItem(h, 2)
            .StartTestAsync();
        Assert.Equal([h.Checklist[0].Id], Answers(unit).Keys);
    }

    [Fact]
    public async Task Help_ExplainsTheStep_ThenAsksAgain()
    {
        h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("trợ giúp").Says(h.Render("dialog-checklist-item-help"))
            .AsksItem(h, 1)
            .StartTestAsync();
    }

    [Fact]
    public async Task Back_FromAnItem_ReturnsToThePreviousItem_ShowingItsAnswer()
    {
        h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("chưa làm, Chờ họp").AsksItem(h, 2)
            .Send("quay lại").Says("Chờ họp")
            .StartTestAsync();
    }

    [Fact]
    public async Task Back_AtTheFirstItem_SaysThereIsNone()
    {
        h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("quay lại").SaysTemplate(h, "dialog-no-back").AsksItem(h, 1)
            .StartTestAsync();
    }

    [Fact]
    public async Task Pause_LetsOtherMessagesThrough_AndResumeReturnsToTheSameItem()
    {
        h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("chưa làm").AsksItem(h, 2)
            .Send("tạm dừng").SaysTemplate(h, "dialog-paused")
            .Send("đã làm").RoutedOutsideTheDialog()
            .Send("tiếp tục").AsksItem(h, 2)
            .StartTestAsync();
    }

    [Fact]
    public async Task Resume_FromAnotherConversationOfAnotherMember_ContinuesAtTheUnitsItem()
    {
        var unit = h.Units.Seed("co-quan", Member("user1"), Member("user2"));
        await h.Flow("user1", "conv1")
            .Send("checklist").AsksItem(h, 1)
            .Send("đã làm hôm qua").AsksItem(h, 2)
            .StartTestAsync();
        await h.Flow("user2", "conv2")
            .Send("tiếp tục").SaysTemplate(h, "dialog-resumed").AsksItem(h, 2)
            .Send("chưa làm").AsksItem(h, 3)
            .StartTestAsync();
        Assert.Equal(("test:user1", "test:user2"), (Answers(unit)[h.Checklist[0].Id].AnsweredBy, Answers(unit)[h.Checklist[1].Id].AnsweredBy));
    }

    [Fact]
    public async Task QuestionInTheMiddle_IsServedOutsideTheDialog_ThenOffersToGoBack()
    {
        var h = new ConversationHarness(["hạn nộp hồ sơ công nhận là khi nào?", "ai ban hanh huong dan 413"]);
        h.Units.Seed("co-quan", Member());
        var back = OfferButton(h, 1);
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("hạn nộp hồ sơ công nhận là khi nào?").RoutedOutsideTheDialog().SaysTemplate(h, "dialog-offer-back", new { Place = Place(h, 1) })
            .Send(back).AsksItem(h, 1)
            // The guide button's words inside a question ask the question, not for the guide.
            .Send("ai ban hanh huong dan 413").RoutedOutsideTheDialog().SaysTemplate(h, "dialog-offer-back", new { Place = Place(h, 1) })
            .Send("có").AsksItem(h, 1)
            .Send("đã làm").AsksItem(h, 2)
            .StartTestAsync();
    }

    [Fact]
    public async Task CommandInAYesNoPrompt_IsServed_AndTheOfferGoesBack()
    {
        await h.Flow()
            .Send("tự đánh giá").SaysTemplate(h, "dialog-unit-offer")
            .Send("tiến độ").SaysTemplate(h, "dialog-unit-none").SaysTemplate(h, "dialog-offer-back", new { Place = (string?)null })
            .Send("tiếp tục").Says(h.Render("dialog-unit-offer"))
            .Send("có").SaysTemplate(h, "dialog-unit-name")
            .StartTestAsync();
    }

    [Fact]
    public async Task WhileTheOfferWaits_OtherMessagesAreServed_AndHuyEndsIt()
    {
        h.Units.Seed("co-quan", Member());
        var offer = new { Place = Place(h, 1) };
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("tiến độ").SaysNot(ExactIntentRouter.Marker).SaysTemplate(h, "dialog-offer-back", offer)
            .Send("xin chào").RoutedOutsideTheDialog().SaysTemplate(h, "dialog-offer-back", offer)
            .Send("hủy").SaysTemplate(h, "dialog-cancelled")
            .Send("có").RoutedOutsideTheDialog()
            .Send("tiếp tục").SaysTemplate(h, "dialog-resumed").AsksItem(h, 1)
            .StartTestAsync();
    }

    private static string Place(ConversationHarness h, int number) =>
        h.Render("dialog-checklist-item-place", new { Number = number, Total = h.Checklist.Count }).Trim();

    private static string OfferButton(ConversationHarness h, int number) =>
        h.Render("dialog-offer-back-button", new { Place = Place(h, number) }).Trim();

    [Fact]
    public async Task ThreeWrongAnswers_EndPolitely_AndResumeReturnsToTheItem()
    {
        h.Units.Seed("co-quan", Member());
        var retry = new { Kind = "choice", Choices = h.Words.ChecklistStatus.Append(h.Words.Guide).Select(c => c.Label) };
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("abc").SaysTemplate(h, "dialog-retry", retry).AsksItem(h, 1)
            .Send("xyz").SaysTemplate(h, "dialog-retry", retry).AsksItem(h, 1)
            .Send("???!!").SaysTemplate(h, "dialog-gave-up")
            .Send("đã làm").RoutedOutsideTheDialog()
            .Send("tiep tuc").SaysTemplate(h, "dialog-resumed").AsksItem(h, 1)
            .StartTestAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DialogSavedByAnotherVersionOrUnknown_EndsPolitely_AndResumeStartsAtTheUnitsItem(bool unknownId)
    {
        h.Units.Seed("co-quan", Member());
        await h.Flow()
            .Send("checklist").AsksItem(h, 1)
            .Send("chưa làm").AsksItem(h, 2)
            .StartTestAsync();
        await ChangeSavedDialogAsync("test/conversations/conv1", unknownId);
        await h.Flow()
            .Send("đã làm").SaysTemplate(h, "dialog-outdated")
            .Send("tiếp tục").SaysTemplate(h, "dialog-resumed").AsksItem(h, 2)
            .StartTestAsync();
    }

    /// <summary>What a deployment that changed the checklist's steps leaves behind: state saved with another version.</summary>
    private async Task ChangeSavedDialogAsync(string key, bool unknownId)
    {
        var saved = await h.Storage.ReadAsync([key], default);
        var state = (IDictionary<string, object>)saved[key];
        var dialogs = state["dialogs"] as DialogState ?? Newtonsoft.Json.Linq.JObject.FromObject(state["dialogs"]).ToObject<DialogState>()!;
        if (unknownId) dialogs.Stack[0].Id = "checklist-2020";
        else dialogs.Stack[0].Version += 1;
        state["dialogs"] = dialogs;
        await h.Storage.WriteAsync(new Dictionary<string, object> { [key] = state }, default);
    }
}
