using AnToan.Bot.Channels.WebChat;
using AnToan.Bot.Storage.Postgres;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.WebChat;

/// <summary>The listener that feeds an instance's web chat streams from the database survives a dropped connection
/// and stops promptly.</summary>
public sealed class PostgresWebChatListenerTests
{
    [PostgresFact]
    public async Task AfterItsConnectionDrops_TheListenerReconnects_AndDeliversWhatWasPublished()
    {
        await using var sut = await Listening.StartAsync();
        sut.Broadcast.Publish("c1", "{\"n\":1}");
        Assert.Equal("{\"n\":1}", await sut.NextAsync());

        TestPostgres.Scalar(sut.Schema.ConnectionString,
            $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{PostgresWebChatListener.ApplicationName}'");
        sut.Broadcast.Publish("c1", "{\"n\":2}"); // while the listener is away
        sut.Broadcast.Publish("c2", "{\"other\":true}");

        Assert.Equal("{\"n\":2}", await sut.NextAsync());
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await sut.Listener.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5));
        Assert.False(sut.Subscription.Reader.TryRead(out _));
    }

    /// <summary>Row numbers are taken in one order and committed in another when two instances push at once: a row
    /// committed after a later one was already read is delivered all the same.</summary>
    [PostgresFact]
    public async Task ARowCommittedAfterALaterOne_IsDelivered()
    {
        await using var sut = await Listening.StartAsync();
        // Another instance's push, its row number taken but not yet committed.
        await using var slow = await sut.Database.OpenAsync(CancellationToken.None);
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var push = PostgresDatabase.Command(slow, $$"""
            WITH added AS (INSERT INTO webchat_events (conversation_id, json) VALUES ('c1', '{"n":1}') RETURNING seq)
            SELECT pg_notify('{{PostgresWebChatBroadcast.Channel}}', seq::text) FROM added
            """))
        {
            push.Transaction = transaction;
            await push.ExecuteNonQueryAsync();
        }
        sut.Broadcast.Publish("c1", "{\"n\":2}");
        Assert.Equal("{\"n\":2}", await sut.NextAsync());

        await transaction.CommitAsync();

        Assert.Equal("{\"n\":1}", await sut.NextAsync());
        Assert.False(sut.Subscription.Reader.TryRead(out _));
    }

    /// <summary>A listener on a new schema, listening, and a page's stream of conversation c1.</summary>
    private sealed class Listening : IAsyncDisposable
    {
        public TestPostgresSchema Schema { get; } = new();
        public PostgresDatabase Database { get; }
        public PostgresWebChatBroadcast Broadcast { get; }
        public PostgresWebChatListener Listener { get; }
        public WebChatEvents.Subscription Subscription { get; }

        private Listening()
        {
            Database = new PostgresDatabase(Schema.ConnectionString);
            var events = new WebChatEvents();
            Broadcast = new PostgresWebChatBroadcast(Database, new FakeTimeProvider());
            Listener = new PostgresWebChatListener(Database, events, NullLogger<PostgresWebChatListener>.Instance);
            Subscription = events.Subscribe("c1");
        }

        public static async Task<Listening> StartAsync()
        {
            var listening = new Listening();
            await listening.Listener.StartAsync(CancellationToken.None);
            await Wait.Until(() => Sessions(listening.Schema) > 0);
            return listening;
        }

        public async Task<string> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            return await Subscription.Reader.ReadAsync(timeout.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await Listener.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            Subscription.Dispose();
            await Database.DisposeAsync();
            Schema.Dispose();
        }
    }

    /// <summary>Listening sessions that have read the table since their LISTEN.</summary>
    private static long Sessions(TestPostgresSchema schema) =>
        (long)TestPostgres.Scalar(schema.ConnectionString,
            $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{PostgresWebChatListener.ApplicationName}' AND query LIKE 'SELECT seq%'")!;
}
