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
        using var schema = new TestPostgresSchema();
        await using var database = new PostgresDatabase(schema.ConnectionString);
        var events = new WebChatEvents();
        var broadcast = new PostgresWebChatBroadcast(database, new FakeTimeProvider());
        var listener = new PostgresWebChatListener(database, events, NullLogger<PostgresWebChatListener>.Instance);
        using var subscription = events.Subscribe("c1");
        await listener.StartAsync(CancellationToken.None);
        try
        {
            await Wait.Until(() => Sessions(schema) > 0);
            broadcast.Publish("c1", "{\"n\":1}");
            Assert.Equal("{\"n\":1}", await NextAsync(subscription));

            TestPostgres.Scalar(schema.ConnectionString,
                $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{PostgresWebChatListener.ApplicationName}'");
            broadcast.Publish("c1", "{\"n\":2}"); // while the listener is away
            broadcast.Publish("c2", "{\"other\":true}");

            Assert.Equal("{\"n\":2}", await NextAsync(subscription));
        }
        finally
        {
            var stopping = System.Diagnostics.Stopwatch.StartNew();
            await listener.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5));
        }
        Assert.False(subscription.Reader.TryRead(out _));
    }

    /// <summary>Row numbers are taken in one order and committed in another when two instances push at once: a row
    /// committed after a later one was already read is delivered all the same.</summary>
    [PostgresFact]
    public async Task ARowCommittedAfterALaterOne_IsDelivered()
    {
        using var schema = new TestPostgresSchema();
        await using var database = new PostgresDatabase(schema.ConnectionString);
        var events = new WebChatEvents();
        var broadcast = new PostgresWebChatBroadcast(database, new FakeTimeProvider());
        var listener = new PostgresWebChatListener(database, events, NullLogger<PostgresWebChatListener>.Instance);
        using var subscription = events.Subscribe("c1");
        await listener.StartAsync(CancellationToken.None);
        try
        {
            await Wait.Until(() => Sessions(schema) > 0);
            // Another instance's push, its row number taken but not yet committed.
            await using var slow = await database.OpenAsync(CancellationToken.None);
            await using var transaction = await slow.BeginTransactionAsync();
            await using (var push = PostgresDatabase.Command(slow, $$"""
                WITH added AS (INSERT INTO webchat_events (conversation_id, json) VALUES ('c1', '{"n":1}') RETURNING seq)
                SELECT pg_notify('{{PostgresWebChatBroadcast.Channel}}', seq::text) FROM added
                """))
            {
                push.Transaction = transaction;
                await push.ExecuteNonQueryAsync();
            }
            broadcast.Publish("c1", "{\"n\":2}");
            Assert.Equal("{\"n\":2}", await NextAsync(subscription));

            await transaction.CommitAsync();

            Assert.Equal("{\"n\":1}", await NextAsync(subscription));
            Assert.False(subscription.Reader.TryRead(out _));
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Listening sessions that have read the table since their LISTEN.</summary>
    private static long Sessions(TestPostgresSchema schema) =>
        (long)TestPostgres.Scalar(schema.ConnectionString,
            $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{PostgresWebChatListener.ApplicationName}' AND query LIKE 'SELECT seq%'")!;

    private static async Task<string> NextAsync(WebChatEvents.Subscription subscription)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await subscription.Reader.ReadAsync(timeout.Token);
    }
}
