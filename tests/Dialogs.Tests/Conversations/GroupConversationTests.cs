using AnToan.Tests;
using AnToan.Dialogs.Units;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace AnToan.Dialogs.Tests.Conversations;

/// <summary>Teams conversations with several people: a team's channels share the team's unit, and a dialog answers
/// only the person who started it.</summary>
public sealed class GroupConversationTests
{
    private const string TeamId = "19:team-pv05@thread.tacv2";
    private const string An = "29:an";
    private const string Binh = "29:binh";
    private readonly ConversationHarness h = new();

    private static ConversationReference Conversation(string id, string type) => new()
    {
        ChannelId = Channels.Msteams,
        ServiceUrl = "https://smba.example/",
        Conversation = new ConversationAccount(isGroup: type != "personal", conversationType: type, id: id),
        User = new ChannelAccount(An, "An"),
        Bot = new ChannelAccount("28:bot", "AnToan.Bot"),
    };

    /// <summary>One thread of the team's General channel: each thread is a conversation of its own.</summary>
    private TestFlow TeamThread(string messageId) => h.Flow(Conversation($"{TeamId};messageid={messageId}", "channel"));

    private static Activity Says(string user, string text, bool inTeam = false) => new(ActivityTypes.Message)
    {
        From = new ChannelAccount(user, user == An ? "An" : "Bình"),
        Text = text,
        ChannelData = inTeam ? JObject.FromObject(new TeamsChannelData { Team = new TeamInfo(TeamId, "Phòng PV05") }) : null,
    };

    private IReadOnlyDictionary<string, UnitAnswer> Answers(Unit unit) => h.Units.GetAnswersAsync(unit.Id, ShippedLists.Checklist, default).Result;

    [Fact]
    public async Task TeamChannel_TwoMembersInTwoThreads_ContinueTheTeamsChecklist()
    {
        await TeamThread("1")
            .Send(Says(An, "danh mục việc cần làm", inTeam: true)).SaysTemplate(h, "dialog-unit-offer")
            .Send(Says(An, "có", inTeam: true)).SaysTemplate(h, "dialog-unit-name")
            .Send(Says(An, "Công an phường A", inTeam: true)).Says("Công an phường A")
            .Send(Says(An, "cơ quan", inTeam: true)).SaysTemplate(h, "dialog-unit-headcount")
            .Send(Says(An, "30", inTeam: true)).Says("AB001Z")
            .AsksItem(h, 1)
            .Send(Says(An, "đã làm hôm qua", inTeam: true)).AsksItem(h, 2)
            .StartTestAsync();
        // Bình never joined: in another thread of the team the unit is the team's.
        await TeamThread("2")
            .Send(Says(Binh, "tiếp tục", inTeam: true)).SaysTemplate(h, "dialog-resumed").AsksItem(h, 2)
            .Send(Says(Binh, "chưa làm", inTeam: true)).AsksItem(h, 3)
            .StartTestAsync();

        var unit = await h.Units.FindByMemberAsync(new MemberKey("msteams", An), default);
        Assert.NotNull(unit);
        Assert.Equal(("msteams:" + An, "msteams:" + Binh), (Answers(unit)[h.Checklist[0].Id].AnsweredBy, Answers(unit)[h.Checklist[1].Id].AnsweredBy));
        // Outside the team Bình has no unit of his own; An, who created it, has.
        await h.Flow(Conversation("a:binh", "personal"))
            .Send(Says(Binh, "tiến độ")).SaysTemplate(h, "dialog-unit-none")
            .StartTestAsync();
        await h.Flow(Conversation("a:an", "personal"))
            .Send(Says(An, "tiến độ")).SaysNot(h.Render("dialog-unit-none").Split('\n')[0].Trim())
            .StartTestAsync();
    }

    [Fact]
    public async Task TeamChannel_JoiningByCode_MakesTheUnitTheTeams()
    {
        var unit = h.Units.Seed("co-quan", new MemberKey("msteams", An));
        await TeamThread("1")
            .Send(Says(Binh, "tiến độ", inTeam: true)).SaysTemplate(h, "dialog-unit-none")
            .Send(Says(An, $"tham gia {unit.JoinCode}", inTeam: true)).SaysTemplate(h, "dialog-unit-joined", new { unit.Name })
            .Send(Says(Binh, "danh mục việc cần làm", inTeam: true)).AsksItem(h, 1)
            .StartTestAsync();
    }

    [Fact]
    public async Task GroupChat_AnotherPersonsAnswer_GoesToTheRouter_AndTheStartersStillAnswers()
    {
        h.Units.Seed("co-quan", new MemberKey("msteams", An), new MemberKey("msteams", Binh));
        await h.Flow(Conversation("19:groupchat@thread.v2", "groupChat"))
            .Send(Says(An, "danh mục việc cần làm")).AsksItem(h, 1)
            .Send(Says(Binh, "đã làm")).RoutedOutsideTheDialog()
            .Send(Says(An, "đã làm")).AsksItem(h, 2)
            .StartTestAsync();
    }
}
