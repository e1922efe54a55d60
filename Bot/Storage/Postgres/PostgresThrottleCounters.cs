using AnToan.Dialogs.Throttling;
using Npgsql;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>Throttle and rate-limit counters in the table <c>throttle_counters</c>, one row per scope and key, shared by
/// every instance: each count is one upsert, so counts made at once on two instances all land.</summary>
/// <remarks>Times come from the instance's clock (as in memory), not the database's: the windows are minutes long, far
/// above the drift of synchronised clocks. Rows whose window ended a day ago are deleted now and then, by whichever
/// instance counts.</remarks>
public sealed class PostgresThrottleCounters(PostgresDatabase database) : IThrottleCounters
{
    private const string Columns = "window_start, window_end, count, refused, closed";
    private static readonly TimeSpan KeepEnded = TimeSpan.FromDays(1);

    private readonly Occasionally _sweep = new(TimeSpan.FromMinutes(10));

    public bool Shared => true;

    public CounterWindow? Find(string scope, string key) =>
        database.Query($"SELECT {Columns} FROM throttle_counters WHERE scope = $1 AND key = $2", FromRow, scope, key).SingleOrDefault();

    public CounterWindow Count(string scope, string key, DateTimeOffset now, TimeSpan length)
    {
        SweepNowAndThen(now);
        return database.Query(CountSql, FromRow, scope, key, now, now + length).Single();
    }

    public async ValueTask<CounterWindow> CountAsync(string scope, string key, DateTimeOffset now, TimeSpan length, CancellationToken cancellationToken)
    {
        SweepNowAndThen(now);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, CountSql, scope, key, now, now + length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException("The count returned no row.");
        return FromRow(reader);
    }

    // SET sees the row as it was: each column is either carried on (the window is open) or started afresh.
    private const string CountSql = $"""
        INSERT INTO throttle_counters AS t (scope, key, {Columns}) VALUES ($1, $2, $3, $4, 1, 0, 0)
        ON CONFLICT (scope, key) DO UPDATE SET
            window_start = CASE WHEN t.window_end > $3 THEN t.window_start ELSE $3 END,
            window_end = CASE WHEN t.window_end > $3 THEN t.window_end ELSE $4 END,
            count = CASE WHEN t.window_end > $3 THEN t.count + 1 ELSE 1 END,
            refused = CASE WHEN t.window_end > $3 THEN t.refused ELSE 0 END,
            closed = CASE WHEN t.window_end > $3 THEN 0 ELSE t.refused END
        RETURNING {Columns}
        """;

    public int Refuse(string scope, string key, DateTimeOffset now, TimeSpan length, int count) =>
        database.Query($"""
            INSERT INTO throttle_counters AS t (scope, key, {Columns}) VALUES ($1, $2, $3, $4, $5, 1, 0)
            ON CONFLICT (scope, key) DO UPDATE SET refused = t.refused + 1, closed = 0
            RETURNING refused
            """, r => r.GetInt32(0), scope, key, now, now + length, count).Single();

    public int Forget(string scope, string key) =>
        database.Query("DELETE FROM throttle_counters WHERE scope = $1 AND key = $2 RETURNING refused", r => r.GetInt32(0), scope, key)
            .SingleOrDefault();

    private void SweepNowAndThen(DateTimeOffset now)
    {
        if (_sweep.Due(now)) database.Execute("DELETE FROM throttle_counters WHERE window_end < $1", now - KeepEnded);
    }

    private static CounterWindow FromRow(NpgsqlDataReader r) =>
        new(r.GetFieldValue<DateTimeOffset>(0), r.GetFieldValue<DateTimeOffset>(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4));
}
