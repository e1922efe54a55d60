using AnToan.Dialogs;
using Microsoft.Bot.Builder;

namespace AnToan.Bot.Channels.Teams;

/// <summary>What makes the shared turn logic work in Microsoft Teams: mentions, card submits, cards for buttons, install welcome.</summary>
public static class TeamsServices
{
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        // Singletons: stateless middleware, shared by every adapter like the other turn middleware.
        services.AddSingleton<MentionStripping>();
        services.AddSingleton<CardSubmitAsText>();
        services.AddSingleton<SuggestedActionsAsCard>();
        // Singleton: stateless; the bot takes its membership handlers once.
        services.AddSingleton<IConversationMembershipHandler, TeamsInstallWelcome>();
        return services;
    }

    /// <summary>Runs before the other shared middleware so the text they cap and the dialogs read is the user's own.</summary>
    public static void UseTeams(this BotAdapter adapter, IServiceProvider services)
    {
        adapter.Use(services.GetRequiredService<MentionStripping>());
        adapter.Use(services.GetRequiredService<CardSubmitAsText>());
        adapter.Use(services.GetRequiredService<SuggestedActionsAsCard>());
    }
}
