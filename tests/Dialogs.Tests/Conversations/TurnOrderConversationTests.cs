using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Flows;

namespace AnToan.Dialogs.Tests.Conversations;

/// <summary>The harness runs its interceptors in the host's order (Bot/Hosting/TurnOrder.cs), feedback included.</summary>
public sealed class TurnOrderConversationTests
{
    [Fact]
    public void TheHarness_RunsFeedbackThenJoinThenTheDialogs_AsTheHostDoes()
    {
        var h = new ConversationHarness();

        Assert.Equal([typeof(FeedbackInterceptor), typeof(JoinCommand), typeof(DialogEngine)], h.Pipeline.Interceptors.Select(i => i.GetType()));
    }
}
