using AnToan.Bot.Admin;
using AnToan.Bot.Channels.WebChat;
using AnToan.Bot.Channels.Zalo;
using AnToan.Bot.Content;
using AnToan.Bot.Announcements;
using AnToan.Bot.Reports;
using AnToan.Bot.Storage;
using AnToan.Bot.Storage.Postgres;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs.Throttling;
using AnToan.Dialogs.Units;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>The stores of one provider over one fresh database, as the host builds them, for the contract suites.</summary>
/// <remarks><paramref name="instance"/> stands for a host: with PostgreSQL each instance has its own connection pool
/// on the same schema, as two hosts would; with LiteDB one process owns the file, so every instance is the same.</remarks>
public sealed class TestStores : IDisposable
{
    private readonly LiteDatabase? _lite;
    private readonly TestPostgresSchema? _schema;
    private readonly Dictionary<int, PostgresDatabase> _databases = [];
    private readonly Dictionary<Type, object> _liteStores = [];

    private TestStores(LiteDatabase? lite, TestPostgresSchema? schema) => (_lite, _schema) = (lite, schema);

    public static TestStores LiteDb() => new(StorageServices.Open(new MemoryStream()), null);

    public static TestStores Postgres() => new(null, new TestPostgresSchema());

    /// <summary>When the stores' clock starts: 28/11/2026, 09:00 in Hanoi.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public IStorage State(int instance = 0) =>
        Store<IStorage>(instance, db => new LiteDbStorage(db, _writer ??= new LiteDbWriter(db, null)), db => new PostgresStorage(db));

    /// <summary>LiteDB's group-commit writer of the in-memory database (no log file to fsync).</summary>
    private LiteDbWriter? _writer;

    public IUnitStore Units(int instance = 0) => Store<IUnitStore>(instance, db => new LiteUnitStore(db, Time), db => new PostgresUnitStore(db, Time));

    public IUnitDirectory Directory(int instance = 0) => (IUnitDirectory)Units(instance);

    public ISubscriptionStore Subscriptions(int instance = 0) =>
        Store<ISubscriptionStore>(instance, db => new LiteSubscriptionStore(db, Time), db => new PostgresSubscriptionStore(db, Time));

    public IDeliveryStore Deliveries(int instance = 0) => Store<IDeliveryStore>(instance, db => new LiteDeliveryStore(db), db => new PostgresDeliveryStore(db, Options.Create(new AnnouncementOptions())));

    public IContentVersionStore Versions(int instance = 0) =>
        Store<IContentVersionStore>(instance, db => new LiteContentVersionStore(db), db => new PostgresContentVersionStore(db));

    public IDraftStore Drafts(int instance = 0) => Store<IDraftStore>(instance, db => new LiteDraftStore(db), db => new PostgresDraftStore(db));

    public IAdminSessionStore Sessions(int instance = 0) =>
        Store<IAdminSessionStore>(instance, _ => new MemoryAdminSessionStore(), db => new PostgresAdminSessionStore(db));

    public IThrottleCounters Throttles(int instance = 0) =>
        Store<IThrottleCounters>(instance, _ => new MemoryThrottleCounters(), db => new PostgresThrottleCounters(db));

    public IQuestionStore Questions(int instance = 0) =>
        Store<IQuestionStore>(instance, db => new LiteQuestionStore(db, _writer ??= new LiteDbWriter(db, null)), db => new PostgresQuestionStore(db));

    public IAuditStore Audit(int instance = 0) => Store<IAuditStore>(instance, db => new LiteAuditStore(db), db => new PostgresAuditStore(db));

    public IReportLinkStore ReportLinks(int instance = 0) =>
        Store<IReportLinkStore>(instance, db => new LiteReportLinkStore(db), db => new PostgresReportLinkStore(db));

    public IWebChatStore WebChat(int instance = 0) => Store<IWebChatStore>(instance, db => new LiteWebChatStore(db), db => new PostgresWebChatStore(db));

    public IZaloInbox ZaloInbox(int instance = 0) =>
        Store<IZaloInbox>(instance, db => new LiteZaloInbox(db, Time, Options.Create(new ZaloOptions())), db => new PostgresZaloInbox(db, Time, Options.Create(new ZaloOptions())));

    public IZaloUserStore ZaloUsers(int instance = 0) => Store<IZaloUserStore>(instance, db => new LiteZaloUserStore(db), db => new PostgresZaloUserStore(db));

    public IZaloTokenStore ZaloTokens(int instance = 0) => Store<IZaloTokenStore>(instance, db => new LiteZaloTokenStore(db), db => new PostgresZaloTokenStore(db));

    private T Store<T>(int instance, Func<LiteDatabase, T> lite, Func<PostgresDatabase, T> postgres) where T : class
    {
        // Tests race stores from several threads: one object per store (LiteDB) or instance (PostgreSQL), as a host has.
        lock (_gate)
        {
            if (_lite is not null)
            {
                // One object per store, as the host's singletons: LiteDB stores keep in-process gates and claims.
                if (!_liteStores.TryGetValue(typeof(T), out var store)) _liteStores[typeof(T)] = store = lite(_lite);
                return (T)store;
            }
            if (!_databases.TryGetValue(instance, out var database))
                _databases[instance] = database = new PostgresDatabase(_schema!.ConnectionString);
            return postgres(database);
        }
    }

    /// <summary>Runs <paramref name="count"/> calls of the synchronous <paramref name="work"/> at once, each on a thread of
    /// its own, as requests of several instances would.</summary>
    /// <remarks>Not on the thread pool: on a 2-core machine forty blocking calls starve it, and the pool's slow growth
    /// then times out the database reads they wait on (seen when a race ran first in its test process).</remarks>
    public static Task<T[]> RaceAsync<T>(int count, Func<int, T> work) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            Task.Factory.StartNew(() => work(i), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

    private readonly Lock _gate = new();

    public void Dispose()
    {
        _writer?.Dispose();
        _lite?.Dispose();
        foreach (var database in _databases.Values) database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _schema?.Dispose();
    }
}
