using AnToan.Bot.Channels.Teams;
using AnToan.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace AnToan.Bot.Channels;

public static class BotChannels
{
    /// <summary>The Bot Framework channel (Teams, Emulator, Direct Line) through the SDK's CloudAdapter.</summary>
    public static IServiceCollection AddBotChannels(this IServiceCollection services)
    {
        // Singleton: the SDK caches tokens and connector clients inside the authentication object.
        services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        // Singletons: stateless middleware shared by every adapter (web chat and Zalo add the same ones).
        services.AddSingleton<ConversationLock>();
        services.AddSingleton<TextLimitMiddleware>();
        services.AddSingleton<AnonymousServiceUrlGuard>();
        services.AddSingleton<BotRequestGate>();
        services.AddSingleton<TurnErrorHandler>();
        services.AddTeams();
        // CloudAdapter has two public constructors: build it explicitly.
        services.AddSingleton(sp => new BotAdapterWithErrorHandler(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<ILogger<BotAdapterWithErrorHandler>>(),
            sp));
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<BotAdapterWithErrorHandler>());
        return services;
    }

    public static void MapBotChannels(this WebApplication app)
    {
        app.MapPost("/api/messages", async (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, BotRequestGate gate, CancellationToken ct) =>
        {
            if (await gate.CheckAsync(request.HttpContext, ct) is { } refusal)
            {
                await refusal.ExecuteAsync(request.HttpContext);
                return;
            }
            // The adapter answers 401 only for UnauthorizedAccessException; a malformed token or one signed by an
            // unknown key surfaces as the token library's own exception, which is just as unauthorised.
            try { await adapter.ProcessAsync(request, response, bot, ct); }
            catch (Exception e) when (e is SecurityTokenException or SecurityTokenArgumentException && !response.HasStarted)
            {
                response.StatusCode = StatusCodes.Status401Unauthorized;
            }
        });
    }

    /// <summary>Adds the middleware every adapter shares, in order: Teams (mentions, card submits, cards), cap text,
    /// then one turn per conversation.</summary>
    public static void UseSharedMiddleware(this BotAdapter adapter, IServiceProvider services)
    {
        adapter.UseTeams(services);
        adapter.Use(services.GetRequiredService<TextLimitMiddleware>());
        adapter.Use(services.GetRequiredService<ConversationLock>());
        adapter.Use(services.GetRequiredService<Storage.ConversationActivityMiddleware>());
        adapter.Use(services.GetRequiredService<Admin.QuestionLogMiddleware>());
        adapter.OnTurnError = services.GetRequiredService<TurnErrorHandler>().HandleAsync;
    }
}

/// <summary>The SDK's CloudAdapter with the shared middleware and error handling.</summary>
public sealed class BotAdapterWithErrorHandler : CloudAdapter
{
    public BotAdapterWithErrorHandler(BotFrameworkAuthentication auth, ILogger<BotAdapterWithErrorHandler> logger, IServiceProvider services)
        : base(auth, logger)
    {
        Use(services.GetRequiredService<AnonymousServiceUrlGuard>());
        this.UseSharedMiddleware(services);
    }
}

/// <summary>A turn that fails: log it, apologise in Vietnamese, and leave the conversation usable.</summary>
public sealed class TurnErrorHandler(ILogger<TurnErrorHandler> logger, Replies replies, ConversationState conversationState)
{
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        logger.LogError(exception, "Turn failed in conversation {ConversationId} on {ChannelId}",
            turnContext.Activity.Conversation?.Id, turnContext.Activity.ChannelId);
        try
        {
            // The failed turn's state was never saved; clearing the conversation's state drops a dialog
            // that may keep failing. Unit progress lives in its own store and is not touched.
            await conversationState.DeleteAsync(turnContext);
            await turnContext.SendActivityAsync(replies.WithMenu("error"));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not apologise in conversation {ConversationId}", turnContext.Activity.Conversation?.Id);
        }
    }
}
