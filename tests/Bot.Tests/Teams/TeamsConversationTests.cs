using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Tests.Teams;

/// <summary>What a Teams user meets: mentions, cards for buttons, card clicks, the welcome on install.</summary>
public sealed class TeamsConversationTests : IAsyncLifetime
{
    private TestBotHost _host = null!;
    private readonly MembershipRecorder _membership = new();

    public async Task InitializeAsync() =>
        _host = await TestBotHost.StartAsync(configure: b => b.Services.AddSingleton<IConversationMembershipHandler>(_membership));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Replies Replies => _host.App.Services.GetRequiredService<Replies>();

    private string Welcome => TeamsChat.Normalize(Replies.WithMenu("welcome", new { UserName = "" }).Text);

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task Mention_InChannelOrGroupChat_IsStrippedAndHelpAnswers(string conversationType)
    {
        var replies = await TeamsChat.SendAsync(_host.Client, TeamsChat.Mention("trợ giúp", conversationType));

        var card = TeamsChat.SingleCard(Assert.Single(replies));
        Assert.Equal(TeamsChat.Normalize(Replies.WithMenu("help").Text), TeamsChat.CardText(card));
    }

    [Fact]
    public async Task Buttons_OnTeams_BecomeAnAdaptiveCardWithSubmitActions()
    {
        var reply = Assert.Single(await TeamsChat.SendAsync(_host.Client, TeamsChat.Message("trợ giúp")));

        Assert.Null(reply.SuggestedActions);
        Assert.True(string.IsNullOrEmpty(reply.Text));
        var card = TeamsChat.SingleCard(reply);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        var actions = card["actions"]!.ToArray();
        Assert.All(actions, a => Assert.Equal("Action.Submit", (string?)a["type"]));
        Assert.Equal(Replies.Content.Ui.Menu.Select(b => b.Title), actions.Select(a => (string?)a["title"]));
        Assert.Equal(Replies.Content.Ui.Menu.Select(b => b.Value), actions.Select(a => (string?)a["data"]!["text"]));
    }

    [Fact]
    public async Task Buttons_OnEmulator_StayTextAndSuggestedActions()
    {
        var reply = Assert.Single(await TeamsChat.SendAsync(_host.Client, TeamsChat.Message("trợ giúp", channelId: "emulator")));

        Assert.Equal(Replies.WithMenu("help").Text, reply.Text);
        Assert.Equal(Replies.Content.Ui.Menu.Select(b => b.Value), reply.SuggestedActions.Actions.Select(a => (string)a.Value));
        Assert.True(reply.Attachments is null or { Count: 0 });
    }

    [Fact]
    public async Task CardSubmit_IsHandledAsTheTypedAnswer()
    {
        var typed = Assert.Single(await TeamsChat.SendAsync(_host.Client, TeamsChat.Message("trợ giúp")));
        var clicked = Assert.Single(await TeamsChat.SendAsync(_host.Client,
            TeamsChat.Message(null, value: new { text = "trợ giúp" })));

        Assert.True(JToken.DeepEquals(TeamsChat.SingleCard(typed), TeamsChat.SingleCard(clicked)));
    }

    [Fact]
    public async Task Install_BotAloneInMembersAdded_WelcomesOnce()
    {
        var replies = await TeamsChat.SendAsync(_host.Client, TeamsChat.MembersAdded(TeamsChat.BotId));

        // The welcome, once; the notifications' subscription notice may follow it.
        Assert.Single(replies, r => TeamsChat.CardText(TeamsChat.SingleCard(r)) == Welcome);
        Assert.Equal(1, _membership.Added);
    }

    [Fact]
    public async Task Install_WithAPersonAdded_WelcomesThatPersonOnly()
    {
        var replies = await TeamsChat.SendAsync(_host.Client, TeamsChat.MembersAdded("29:user-1", TeamsChat.BotId));

        Assert.Single(replies, r => TeamsChat.CardText(TeamsChat.SingleCard(r)) == Welcome);
    }

    [Fact]
    public async Task Uninstall_FromPersonalChat_ReachesTheMembershipHandlers()
    {
        await TeamsChat.SendAsync(_host.Client, TeamsChat.InstallationUpdate("remove"));

        Assert.Equal(1, _membership.Removed);
    }

    [Fact]
    public async Task Removal_FromATeam_ReachesTheMembershipHandlers()
    {
        await TeamsChat.SendAsync(_host.Client, TeamsChat.MembersRemoved(TeamsChat.BotId));

        Assert.Equal(1, _membership.Removed);
    }

    private sealed class MembershipRecorder : IConversationMembershipHandler
    {
        public int Added, Removed;

        public Task OnBotAddedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Added);
            return Task.CompletedTask;
        }

        public Task OnBotRemovedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Removed);
            return Task.CompletedTask;
        }
    }
}
