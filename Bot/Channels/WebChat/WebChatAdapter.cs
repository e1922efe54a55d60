using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>The web page's own adapter: runs the bot in-process, so the page keeps working when
/// /api/messages requires Teams authentication.</summary>
/// <remarks>Replies sent during a request go back in its response; anything sent later (proactive
/// messages through <see cref="BotAdapter.ContinueConversationAsync(string, ConversationReference, BotCallbackHandler, CancellationToken)"/>)
/// goes to the conversation's open event streams. Messages both ways are kept in the transcript.</remarks>
public sealed class WebChatAdapter : BotAdapter
{
    public const string ChannelId = "web";
    public static readonly ChannelAccount BotAccount = new("antoan-bot", "AnToan.Bot", RoleTypes.Bot);

    private readonly IWebChatStore _store;
    private readonly IWebChatBroadcast _events;
    private readonly TimeProvider _time;

    public WebChatAdapter(IServiceProvider services, IWebChatStore store, IWebChatBroadcast events, TimeProvider time)
    {
        _store = store;
        _events = events;
        _time = time;
        this.UseSharedMiddleware(services);
    }

    /// <summary>Runs one turn of <paramref name="bot"/> and returns the activities it sent during the turn.</summary>
    public async Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        activity.ChannelId = ChannelId;
        activity.Id ??= Guid.NewGuid().ToString("N");
        activity.Timestamp ??= _time.GetUtcNow();
        activity.Recipient ??= BotAccount;
        var replies = new TurnReplies();
        using var context = new TurnContext(this, activity);
        context.TurnState.Add(replies);
        await RunPipelineAsync(context, async (turn, ct) =>
        {
            // Recorded here, after the shared middleware has capped the text.
            if (turn.Activity.Type == ActivityTypes.Message) _store.Append(turn.Activity);
            await bot.OnTurnAsync(turn, ct);
        }, cancellationToken);
        return replies;
    }

    /// <summary>As the base does, but the turn context is disposed once the pipeline has finished, not when it first
    /// awaits: with PostgreSQL the shared turn lock awaits before the rest of the middleware runs.</summary>
    public override async Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, reference.GetContinuationActivity());
        await RunPipelineAsync(context, callback, cancellationToken);
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var replies = turnContext.TurnState.Get<TurnReplies>();
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            responses[i] = new ResourceResponse(activity.Id ??= Guid.NewGuid().ToString("N"));
            // Like the SDK's adapters: traces are for the Emulator only, delays are pacing hints for streaming channels.
            if (activity.Type is ActivityTypes.Trace or ActivityTypes.Delay) continue;
            activity.ChannelId = ChannelId;
            activity.From ??= BotAccount;
            activity.Timestamp = _time.GetUtcNow();
            if (activity.Type == ActivityTypes.Message) _store.Append(activity);
            if (replies is not null) replies.Add(activity);
            else _events.Publish(activity.Conversation.Id, WebChatStore.Serialize(activity));
        }
        return Task.FromResult(responses);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The web chat does not edit sent messages.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The web chat does not delete sent messages.");

    /// <summary>Marks a turn that answers an HTTP request and collects its replies.</summary>
    private sealed class TurnReplies : List<Activity>;
}
