using Npgsql;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>The PostgreSQL database every instance shares (Storage:Provider=PostgreSQL): its connection pool, with the
/// schema brought up to date before the first use.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;
    // Its own pool: a turn holds a lock connection while its state reads and writes take others; from one pool,
    // as many turns as the pool has connections would wait forever for a second one.
    private readonly NpgsqlDataSource _locks;

    /// <param name="connectionString">An Npgsql connection string (ConnectionStrings:Postgres).</param>
    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ConnectionString = connectionString;
        _source = NpgsqlDataSource.Create(connectionString);
        _locks = NpgsqlDataSource.Create(connectionString);
        using var connection = _source.OpenConnection();
        PostgresSchema.Migrate(connection);
    }

    public string ConnectionString { get; }

    public NpgsqlConnection Open() => _source.OpenConnection();

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _source.OpenConnectionAsync(cancellationToken);

    /// <summary>Waits for the session advisory lock <paramref name="key"/> and holds it until disposed, on a connection
    /// of the pool kept for locks. The lock belongs to the connection: if the instance dies, PostgreSQL drops both.</summary>
    public async Task<IAsyncDisposable> HoldLockAsync(long key, CancellationToken cancellationToken)
    {
        var connection = await _locks.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var take = Command(connection, "SELECT pg_advisory_lock($1)", key);
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new HeldLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class HeldLock(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Not the holder's token: a cancelled holder must still let go (closing the connection would too, but a
                // pooled connection is only reset when it is next used).
                await using var release = Command(connection, "SELECT pg_advisory_unlock($1)", key);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns.</summary>
    public T InTransaction<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>Every row of a query, mapped.</summary>
    public IReadOnlyList<T> Query<T>(string sql, Func<NpgsqlDataReader, T> map, params object?[] values)
    {
        using var connection = Open();
        using var command = Command(connection, sql, values);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    /// <summary>Runs one statement.</summary>
    /// <returns>The rows it changed.</returns>
    public int Execute(string sql, params object?[] values)
    {
        using var connection = Open();
        using var command = Command(connection, sql, values);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs one statement without holding a thread while it waits.</summary>
    /// <returns>The rows it changed.</returns>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A command on <paramref name="connection"/> with positional parameters ($1, $2, ...).</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    /// <summary>A 64-bit key for a PostgreSQL advisory lock, from a name (first 8 bytes of its SHA-256).</summary>
    /// <remarks>Two names sharing a key only wait for each other: never wrong, at worst slower.</remarks>
    public static long LockKey(string name) =>
        BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)), 0);

    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync();
        await _locks.DisposeAsync();
    }
}
