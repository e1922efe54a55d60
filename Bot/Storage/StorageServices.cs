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
        // TODO(storage): LiteDB-backed IStorage.
        services.AddSingleton<IStorage, MemoryStorage>();
        // Singletons: BotState objects are stateless accessors over IStorage.
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        return services;
    }
}
