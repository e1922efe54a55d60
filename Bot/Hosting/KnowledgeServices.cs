using AnToan.Dialogs;
using AnToan.Knowledge;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AnToan.Bot.Hosting;

public static class KnowledgeServices
{
    /// <summary>The knowledge content, loaded and validated once at start-up: a broken file stops the host.</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration["Knowledge:ContentPath"];
        var root = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "Content")
            : Path.GetFullPath(configured);
        // Singleton: one snapshot in service, swapped atomically on reload.
        services.AddSingleton(new KnowledgeStore(root));
        services.AddHealthChecks().AddCheck("knowledge", () => HealthCheckResult.Healthy());
        return services;
    }

    /// <summary>The bot and how it replies.</summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        // Singletons: stateless between turns; per-conversation state lives in IStorage.
        services.AddSingleton<Replies>();
        services.AddSingleton<IMessageRouter, MenuRouter>();
        services.AddSingleton<Microsoft.Bot.Builder.IBot, AnToanBot>();
        return services;
    }
}
