using AnToan.Bot.Channels.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Tests.Teams;

public sealed class SuggestedActionsCardTests
{
    private static JObject Convert(string? text, params CardAction[] actions)
    {
        var activity = new Activity(ActivityTypes.Message, text: text) { SuggestedActions = new SuggestedActions(actions: actions) };
        SuggestedActionsCard.Convert(activity);
        Assert.Null(activity.SuggestedActions);
        Assert.Null(activity.Text);
        return (JObject)Assert.Single(activity.Attachments).Content;
    }

    [Fact]
    public void ListLines_StayTogetherInOneTextBlock_OtherLinesEachTheirOwn()
    {
        var card = Convert("**Tiêu đề**\n- một\n- hai\n\nCâu cuối.", new CardAction(ActionTypes.ImBack, "A", value: "a"));

        Assert.Equal(["**Tiêu đề**", "- một\n- hai", "Câu cuối."], card["body"]!.Select(b => (string)b["text"]!));
        Assert.All(card["body"]!, b => Assert.True((bool)b["wrap"]!));
    }

    [Fact]
    public void MessageBack_KeepsItsHiddenValueBesideTheText()
    {
        var card = Convert("Câu trả lời có hữu ích không?",
            new CardAction(ActionTypes.MessageBack, "👍", text: "hữu ích", value: new { feedback = "up", answerId = "p12" }));

        var data = card["actions"]![0]!["data"]!;
        Assert.Equal("hữu ích", (string?)data["text"]);
        Assert.Equal("up", (string?)data["feedback"]);
        Assert.Equal("p12", (string?)data["answerId"]);
    }

    [Fact]
    public void OpenUrl_BecomesAnOpenUrlAction()
    {
        var card = Convert("Nguồn", new CardAction(ActionTypes.OpenUrl, "Mở văn bản", value: "https://example.gov.vn/413"));

        var action = card["actions"]![0]!;
        Assert.Equal("Action.OpenUrl", (string?)action["type"]);
        Assert.Equal("https://example.gov.vn/413", (string?)action["url"]);
    }
}
