using AnToan.Bot.Storage.Postgres;
using Npgsql;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>Feeds this instance's open web chat streams (<see cref="WebChatEvents"/>) with what any instance on the
/// database pushed (<see cref="PostgresWebChatBroadcast"/>): LISTENs on a connection of its own and reads the new rows
/// of <c>webchat_events</c> when woken.</summary>
/// <remarks>Every wait is bounded: the wait for a NOTIFY ends after <see cref="Poll"/> (the rows are read then too, so
/// a lost NOTIFY delays an event, never loses it), and stopping the host cancels it. After a dropped connection it
/// reconnects <see cref="Retry"/> later and reads what was pushed meanwhile: it remembers the last row it has seen.</remarks>
public sealed class PostgresWebChatListener(PostgresDatabase database, WebChatEvents events, ILogger<PostgresWebChatListener> logger) : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    /// <summary>Names the listening session in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "antoan-webchat-listener";

    private long _lastSeen;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the web server starts: no page can have subscribed yet, and everything pushed from now on is delivered.
        _lastSeen = database.Query("SELECT coalesce(max(seq), 0) FROM webchat_events", r => r.GetInt64(0)).Single();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Web chat event listener lost its connection; reconnecting in {Retry}", Retry);
                try
                {
                    await Task.Delay(Retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        // Not pooled: LISTEN belongs to the session, and the connection is held for as long as the instance runs.
        var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30, ApplicationName = ApplicationName };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        // Starts woken: what was pushed while the connection was down is read at once.
        var woken = 1;
        connection.Notification += (_, _) => Volatile.Write(ref woken, 1);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresWebChatBroadcast.Channel}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        while (true)
        {
            // A NOTIFY that came while the rows were being read has already raised the event: no wait then.
            if (Interlocked.Exchange(ref woken, 0) == 0) await connection.WaitAsync(Poll, stoppingToken);
            Interlocked.Exchange(ref woken, 0);
            await DeliverNewAsync(connection, stoppingToken);
        }
    }

    private async Task DeliverNewAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var read = PostgresDatabase.Command(connection,
            "SELECT seq, conversation_id, json FROM webchat_events WHERE seq > $1 ORDER BY seq", _lastSeen);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _lastSeen = reader.GetInt64(0);
            events.Publish(reader.GetString(1), reader.GetString(2));
        }
    }
}
