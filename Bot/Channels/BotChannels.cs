using AnToan.Bot.Channels.Teams;
using AnToan.Dialogs;
using AnToan.Dialogs.Engine;
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
        // The user-token client of a turn is made only when used, and turns share connector clients (see
        // LazyUserTokenAuthentication).
        services.AddSingleton<BotFrameworkAuthentication>(sp =>
            new LazyUserTokenAuthentication(ActivatorUtilities.CreateInstance<ConfigurationBotFrameworkAuthentication>(sp),
                new SharedConnectorClients(sp.GetRequiredService<TimeProvider>())));
        // Singletons: stateless middleware shared by every adapter (web chat and Zalo add the same ones).
        services.AddSingleton<ConversationLock>();
        services.AddSingleton<TextLimitMiddleware>();
        services.AddSingleton<AnonymousServiceUrlGuard>();
        services.AddSingleton<BotRequestGate>();
        services.AddSingleton<TurnErrorHandler>();
        services.AddHttpContextAccessor();
        services.AddSingleton<ClientAddressMiddleware>();
        services.AddSingleton<TransientSendRetry>();
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

    /// <summary>Adds the middleware every adapter shares, in order: metrics, Teams (mentions, card submits, cards), retries of
    /// transient send failures, the client's address, cap text, then one turn per conversation (in this instance, then
    /// across instances with PostgreSQL).</summary>
    public static void UseSharedMiddleware(this BotAdapter adapter, IServiceProvider services)
    {
        adapter.Use(services.GetRequiredService<Hosting.TurnMetricsMiddleware>());
        adapter.UseTeams(services);
        adapter.Use(services.GetRequiredService<TransientSendRetry>());
        adapter.Use(services.GetRequiredService<ClientAddressMiddleware>());
        adapter.Use(services.GetRequiredService<TextLimitMiddleware>());
        adapter.Use(services.GetRequiredService<ConversationLock>());
        // With PostgreSQL, also one turn per conversation across instances.
        if (services.GetService<Storage.Postgres.PostgresTurnLock>() is { } sharedLock) adapter.Use(sharedLock);
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

/// <summary>A turn that fails: log it, apologise in Vietnamese, and leave the conversation where it was.</summary>
/// <remarks>The failed turn's changes were never saved, so the stored state is that of the turn before: it is kept,
/// and an open dialog goes on with the next message. Only state that is itself broken (unreadable, or a dialog
/// that cannot go on) is cleared. A turn cancelled because its client went away is not a failure at all.</remarks>
public sealed class TurnErrorHandler(ILogger<TurnErrorHandler> logger, Replies replies, ConversationState conversationState, IHttpContextAccessor http)
{
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        if (exception is OperationCanceledException && http.HttpContext?.RequestAborted.IsCancellationRequested == true)
        {
            logger.LogInformation("Turn in conversation {ConversationId} on {ChannelId} cancelled: the client went away",
                turnContext.Activity.Conversation?.Id, turnContext.Activity.ChannelId);
            return;
        }
        var broken = IsBrokenState(exception);
        logger.LogError(exception, "Turn failed in conversation {ConversationId} on {ChannelId}{StateCleared}",
            turnContext.Activity.Conversation?.Id, turnContext.Activity.ChannelId, broken ? "; its broken state is cleared" : "");
        try
        {
            // Unit progress lives in its own store and is never touched here.
            if (broken) await conversationState.DeleteAsync(turnContext);
            await turnContext.SendActivityAsync(replies.WithMenu(BotTemplates.Error));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not apologise in conversation {ConversationId}", turnContext.Activity.Conversation?.Id);
        }
    }

    /// <summary>State that cannot be read back (JSON, a property of another type) or a dialog that cannot go on.</summary>
    private static bool IsBrokenState(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is BrokenStateException or Newtonsoft.Json.JsonException or InvalidCastException) return true;
        return false;
    }
}
