using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>Runs turns for Zalo events and posts the bot's replies through the OA message API.</summary>
public sealed class ZaloAdapter : BotAdapter
{
    private readonly ZaloApiClient _api;

    public ZaloAdapter(ZaloApiClient api, IServiceProvider services)
    {
        _api = api;
        this.UseSharedMiddleware(services);
    }

    public async Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken);
    }

    /// <exception cref="ZaloSendException">Zalo did not take a message; the turn's error handler sees it.</exception>
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            string? id = null;
            foreach (var message in ZaloMessages.From(activity))
            {
                var sent = await _api.SendAsync(activity.Conversation.Id, message, cancellationToken);
                if (sent.Result.Outcome != ProactiveOutcome.Delivered) throw new ZaloSendException(sent.Result);
                id ??= sent.MessageId;
            }
            responses.Add(new ResourceResponse(id ?? ""));
        }
        return [.. responses];
    }

    /// <summary>Zalo cannot edit a sent message.</summary>
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Zalo cannot update a sent message");

    /// <summary>Zalo cannot delete a sent message.</summary>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Zalo cannot delete a sent message");
}

public sealed class ZaloSendException(ProactiveResult result) : Exception($"Zalo did not deliver: {result.Outcome} {result.Detail}");
