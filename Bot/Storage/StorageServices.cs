using AnToan.Bot.Admin;
using AnToan.Bot.Content;
using AnToan.Bot.Announcements;
using AnToan.Bot.Reports;
using AnToan.Bot.Storage.Postgres;
using AnToan.Dialogs;
using AnToan.Dialogs.Throttling;
using AnToan.Dialogs.Units;
using LiteDB;
using Microsoft.Bot.Builder;

namespace AnToan.Bot.Storage;

public static class StorageServices
{
    public const string LiteDb = "LiteDB";
    public const string PostgreSql = "PostgreSQL";

    /// <summary>Storage:Provider, LiteDB unless set.</summary>
    /// <exception cref="InvalidOperationException">Another value, or PostgreSQL without ConnectionStrings:Postgres.</exception>
    public static bool UsesPostgres(IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"] is { Length: > 0 } p ? p : LiteDb;
        if (provider.Equals(LiteDb, StringComparison.OrdinalIgnoreCase)) return false;
        if (!provider.Equals(PostgreSql, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Storage:Provider is '{provider}': use {LiteDb} or {PostgreSql}.");
        if (string.IsNullOrEmpty(configuration.GetConnectionString("Postgres")))
            throw new InvalidOperationException($"Storage:Provider is {PostgreSql} but ConnectionStrings:Postgres is empty.");
        return true;
    }

    /// <summary>Every store, for the provider of Storage:Provider.</summary>
    /// <remarks>
    /// LiteDB (the default): one file (Storage:Path) holds everything. PostgreSQL (ConnectionStrings:Postgres): what
    /// instances must share to behave as one bot lives in the database — bot state, units and progress, subscriptions
    /// and delivery claims, content versions and drafts, dashboard sessions, throttle and rate-limit counts, the
    /// question log with its votes, the admin audit and report links, and the channels' own stores (web chat, Zalo:
    /// registered by their channels) — and turns of one conversation are serialised across instances.
    /// </remarks>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var path = Path.GetFullPath(configuration["Storage:Path"] is { Length: > 0 } p ? p : "data/antoan.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Singleton: LiteDB's direct mode owns the file for the life of the process.
        services.AddSingleton<ILiteDatabase>(_ => Open(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }));
        // Singleton: the one writer of the database's turn writes (group commit, background checkpoints); created
        // after the database, so disposed before it. With PostgreSQL it still writes the stores kept in LiteDB.
        services.AddSingleton(sp => new LiteDbWriter(sp.GetRequiredService<ILiteDatabase>(), path));
        // Singletons: BotState objects are stateless accessors over IStorage.
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        // Singleton: holds only a state property accessor.
        services.AddSingleton<ConversationActivityMiddleware>();

        // Singletons: the stores keep nothing between calls but their connection (LiteDB) or pool (PostgreSQL), and
        // LiteDB's in-process gates and delivery claims, which every caller must share.
        if (UsesPostgres(configuration)) AddPostgres(services, configuration.GetConnectionString("Postgres")!);
        else AddLiteDb(services);
        // The bot state storage deletes conversations inactive longer than the retention (RetentionService, with the admin services).
        services.AddSingleton(sp => (IConversationPruning)sp.GetRequiredService<IStorage>());
        return services;
    }

    private static void AddLiteDb(IServiceCollection services)
    {
        services.AddSingleton<IStorage, LiteDbStorage>();
        // One store: the dialogs write and read through IUnitStore, the dashboard reads through IUnitDirectory.
        services.AddSingleton<LiteUnitStore>();
        services.AddSingleton<IUnitStore>(sp => sp.GetRequiredService<LiteUnitStore>());
        services.AddSingleton<IUnitDirectory>(sp => sp.GetRequiredService<LiteUnitStore>());
        services.AddSingleton<ISubscriptionStore, LiteSubscriptionStore>();
        services.AddSingleton<IDeliveryStore, LiteDeliveryStore>();
        services.AddSingleton<IContentVersionStore, LiteContentVersionStore>();
        services.AddSingleton<IDraftStore, LiteDraftStore>();
        // One instance: sessions and throttle counts in its memory, as the web chat's rate limits (WebChatRateLimits).
        services.AddSingleton<IAdminSessionStore, MemoryAdminSessionStore>();
        services.AddSingleton<IThrottleCounters, MemoryThrottleCounters>();
        AddQuestionStore<LiteQuestionStore>(services);
        services.AddSingleton<IAuditStore, LiteAuditStore>();
        services.AddSingleton<IReportLinkStore, LiteReportLinkStore>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
    }

    private static void AddPostgres(IServiceCollection services, string connectionString)
    {
        // Built (and the schema migrated) on first use; the hosted service makes that happen before Quartz starts.
        services.AddSingleton(_ => new PostgresDatabase(connectionString));
        services.AddHostedService<PostgresStartup>();
        services.AddSingleton<IStorage, PostgresStorage>();
        services.AddSingleton<PostgresUnitStore>();
        services.AddSingleton<IUnitStore>(sp => sp.GetRequiredService<PostgresUnitStore>());
        services.AddSingleton<IUnitDirectory>(sp => sp.GetRequiredService<PostgresUnitStore>());
        services.AddSingleton<ISubscriptionStore, PostgresSubscriptionStore>();
        services.AddSingleton<IDeliveryStore, PostgresDeliveryStore>();
        services.AddSingleton<IContentVersionStore, PostgresContentVersionStore>();
        services.AddSingleton<IDraftStore, PostgresDraftStore>();
        // Shared, so a login, a logout and every limit hold whichever instance a request reaches.
        services.AddSingleton<IAdminSessionStore, PostgresAdminSessionStore>();
        services.AddSingleton<IThrottleCounters, PostgresThrottleCounters>();
        AddQuestionStore<PostgresQuestionStore>(services);
        services.AddSingleton<IAuditStore, PostgresAuditStore>();
        services.AddSingleton<IReportLinkStore, PostgresReportLinkStore>();
        // Added to every adapter right after the in-process ConversationLock (BotChannels.UseSharedMiddleware).
        services.AddSingleton<PostgresTurnLock>();
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("storage")
            .AddCheck<StorageHealthCheck>("local-storage");
    }

    /// <summary>One question store: the middleware writes questions, the dialogs votes, the dashboard and the
    /// retention read and prune both.</summary>
    private static void AddQuestionStore<T>(IServiceCollection services) where T : class, IQuestionStore
    {
        services.AddSingleton<IQuestionStore, T>();
        services.AddSingleton<IQuestionLog>(sp => sp.GetRequiredService<IQuestionStore>());
        services.AddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<IQuestionStore>());
    }

    /// <summary>Opens a database as the host does: with its own mapper (never the mutable static BsonMapper.Global),
    /// and dates read back in UTC.</summary>
    /// <remarks>LiteDB stores UTC but by default hands dates back in the server's local time, which shifted report
    /// expiries, audit and delivery times by the zone's offset on a server set to Asia/Ho_Chi_Minh.</remarks>
    public static LiteDatabase Open(ConnectionString connection) => new(connection, new BsonMapper()) { UtcDate = true };

    /// <inheritdoc cref="Open(ConnectionString)"/>
    public static LiteDatabase Open(Stream stream) => new(stream, new BsonMapper()) { UtcDate = true };
}
