using Microsoft.Bot.Builder;

namespace AnToan.Bot.Storage;

public static class StorageServices
{
    /// <summary>Bot state storage. TODO(storage): LiteDB.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IStorage, MemoryStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddHealthChecks();
        return services;
    }
}
