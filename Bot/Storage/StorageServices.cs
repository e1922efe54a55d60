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
        services.AddSingleton<ILiteDatabase>(_ => Open(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }));
        // Singleton: the one writer of the database's turn writes (group commit, background checkpoints); created
        // after the database, so disposed before it.
        services.AddSingleton(sp => new LiteDbWriter(sp.GetRequiredService<ILiteDatabase>(), path));
        // Singleton: keeps nothing between calls.
        services.AddSingleton<IStorage, LiteDbStorage>();
        // Singletons: BotState objects are stateless accessors over IStorage.
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        // Singleton: holds only a state property accessor.
        services.AddSingleton<ConversationActivityMiddleware>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }

    /// <summary>Opens a database as the host does: with its own mapper (never the mutable static BsonMapper.Global),
    /// and dates read back in UTC.</summary>
    /// <remarks>LiteDB stores UTC but by default hands dates back in the server's local time, which shifted report
    /// expiries, audit and delivery times by the zone's offset on a server set to Asia/Ho_Chi_Minh.</remarks>
    public static LiteDatabase Open(ConnectionString connection) => new(connection, new BsonMapper()) { UtcDate = true };

    /// <inheritdoc cref="Open(ConnectionString)"/>
    public static LiteDatabase Open(Stream stream) => new(stream, new BsonMapper()) { UtcDate = true };
}
