using AnToan.Bot.Storage.Postgres;
using Npgsql;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>Feeds this instance's open web chat streams (<see cref="WebChatEvents"/>) with what any instance on the
/// database pushed (<see cref="PostgresWebChatBroadcast"/>): LISTENs on a connection of its own and reads the new rows
/// of <c>webchat_events</c> when woken.</summary>
/// <remarks>Every wait is bounded: the wait for a NOTIFY ends after <see cref="Poll"/> (the rows are read then too, so
/// a lost NOTIFY delays an event, never loses it), and stopping the host cancels it. After a dropped connection it
/// reconnects <see cref="Retry"/> later and reads what was pushed meanwhile: it remembers the last row it has seen.
/// <para>Row numbers are not committed in order: two instances pushing at once may commit row 11 before row 10, and a
/// read between the two sees 11 only. So the rows read are those after the last one seen and those a NOTIFY named
/// (its payload is the row number, sent when the row is committed); after a reconnect also those of the last minute.
/// Each row is delivered once (<see cref="_delivered"/>).</para></remarks>
public sealed class PostgresWebChatListener(PostgresDatabase database, WebChatEvents events, ILogger<PostgresWebChatListener> logger) : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    /// <summary>Names the listening session in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "antoan-webchat-listener";

    private long _lastSeen;
    private int _connections;

    /// <summary>Rows delivered lately: a row may be read again, named by a NOTIFY or in the overlap after a reconnect.</summary>
    private readonly HashSet<long> _delivered = [];
    private const int KeptDelivered = 10_000;

    /// <summary>Row numbers named by NOTIFYs and not read yet.</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<long> _notified = new();

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
        var woken = 0;
        connection.Notification += (_, e) =>
        {
            if (long.TryParse(e.Payload, out var seq)) _notified.Enqueue(seq);
            Volatile.Write(ref woken, 1);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresWebChatBroadcast.Channel}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        // What was pushed while the connection was down is read at once (after a reconnect, with the rows of the last minute).
        await DeliverNewAsync(connection, reconnected: _connections++ > 0, stoppingToken);
        while (true)
        {
            // A NOTIFY that came while the rows were being read has already raised the event: no wait then.
            if (Interlocked.Exchange(ref woken, 0) == 0) await connection.WaitAsync(Poll, stoppingToken);
            Interlocked.Exchange(ref woken, 0);
            await DeliverNewAsync(connection, reconnected: false, stoppingToken);
        }
    }

    private async Task DeliverNewAsync(NpgsqlConnection connection, bool reconnected, CancellationToken cancellationToken)
    {
        var notified = new List<long>();
        while (_notified.TryDequeue(out var seq)) notified.Add(seq);
        await using var read = PostgresDatabase.Command(connection, """
            SELECT seq, conversation_id, json FROM webchat_events
            WHERE seq > $1 OR seq = ANY($2) OR ($3 AND created_at > now() - interval '1 minute')
            ORDER BY seq
            """, _lastSeen, notified.ToArray(), reconnected);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var seq = reader.GetInt64(0);
            _lastSeen = Math.Max(_lastSeen, seq);
            if (_delivered.Add(seq)) events.Publish(reader.GetString(1), reader.GetString(2));
        }
        if (_delivered.Count > KeptDelivered) _delivered.RemoveWhere(s => s <= _lastSeen - KeptDelivered);
    }
}
