using AnToan.Dialogs;

namespace AnToan.Bot.Tests.Teams;

public sealed class TeamsContextTests
{
    [Fact]
    public void UnitScope_InATeamChannel_IsTheTeam()
    {
        var threadA = TeamsChat.Message("x", "channel");
        var threadB = TeamsChat.Message("x", "channel");
        threadB.Conversation.Id = $"{TeamsChat.TeamId};messageid=1700000009999";

        Assert.Equal(TeamsChat.TeamId, TeamsContext.UnitScopeId(threadA));
        Assert.Equal(TeamsContext.UnitScopeId(threadA), TeamsContext.UnitScopeId(threadB));
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    public void UnitScope_OutsideATeam_IsTheConversation(string conversationType)
    {
        var activity = TeamsChat.Message("x", conversationType);

        Assert.Equal(activity.Conversation.Id, TeamsContext.UnitScopeId(activity));
    }
}
