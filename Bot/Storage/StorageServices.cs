using LiteDB;
using Microsoft.Bot.Builder;

namespace AnToan.Bot.Storage;

public static class StorageServices
{
    /// <summary>One LiteDB file (Storage:Path) holds bot state, units, progress, subscriptions and deliveries.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var path = Path.GetFullPath(configuration["Storage:Path"] is { Length: > 0 } p ? p : "data/antoan.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Singleton: LiteDB's direct mode owns the file for the life of the process.
        services.AddSingleton<ILiteDatabase>(_ => new LiteDatabase(
            new ConnectionString { Filename = path, Connection = ConnectionType.Direct },
            new BsonMapper())); // our own mapper, never the mutable static BsonMapper.Global
        // Singleton: one writer gate per database; LiteDbStorage keeps nothing else between calls.
        services.AddSingleton<IStorage, LiteDbStorage>();
        // Singletons: BotState objects are stateless accessors over IStorage.
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        // Singleton: holds only a state property accessor.
        services.AddSingleton<ConversationActivityMiddleware>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }
}
