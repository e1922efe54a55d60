using Npgsql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AnToan.Bot.Tests.Infrastructure;

/// <summary>The PostgreSQL server the tests use: the connection string in ANTOAN_TEST_POSTGRES (.ci/run starts a
/// throw-away server and sets it; scripts/throwaway-postgres.sh does the same by hand).</summary>
/// <remarks>Without it, PostgreSQL tests are reported as skipped, with the reason — except under CI (CI=true), where
/// they run and fail: CI never passes without having run them.</remarks>
public static class TestPostgres
{
    public const string Variable = "ANTOAN_TEST_POSTGRES";

    private static string? Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why PostgreSQL tests are skipped here; null when they run.</summary>
    public static string? SkipReason => Configured is null && !InCi
        ? $"{Variable} is not set: PostgreSQL tests not run (under CI=true they fail instead). See scripts/throwaway-postgres.sh."
        : null;

    /// <summary>A schema of its own in the test database (dropped by <see cref="DropSchema"/>): the connection string
    /// that works in it.</summary>
    public static string NewSchema()
    {
        var server = Configured ?? throw new InvalidOperationException($"CI=true and {Variable} is not set: the PostgreSQL tests must run in CI.");
        var schema = "t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
    }

    public static void DropSchema(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var schema = builder.SearchPath!;
        builder.SearchPath = null;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>One value read in the schema of <paramref name="connectionString"/>.</summary>
    public static object? Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}

/// <summary>Marks a test class whose tests need PostgreSQL (for <see cref="ProviderFactAttribute"/>).</summary>
public interface INeedsPostgres;

/// <summary>A fact of a contract suite: skipped (with the reason) in a class that needs PostgreSQL when there is none
/// and CI is not set; run everywhere else.</summary>
[XunitTestCaseDiscoverer("AnToan.Bot.Tests.Infrastructure.ProviderFactDiscoverer", "AnToan.Bot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>A fact that needs PostgreSQL: skipped (with the reason) without one unless CI is set.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestPostgres.SkipReason;
}

public sealed class ProviderFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo fact)
    {
        var needsPostgres = typeof(INeedsPostgres).IsAssignableFrom(method.TestClass.Class.ToRuntimeType());
        yield return needsPostgres
            ? new PostgresTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method)
            : new XunitTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method);
    }
}

/// <summary>A test case skipped for <see cref="TestPostgres.SkipReason"/>, read wherever the case runs.</summary>
public sealed class PostgresTestCase : XunitTestCase
{
    [Obsolete("For deserialization only.")]
    public PostgresTestCase() { }

    public PostgresTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod method)
        : base(diagnostics, display, displayOptions, method) { }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) => TestPostgres.SkipReason;
}

/// <summary>The PostgreSQL tables in a schema of their own, for one test.</summary>
public sealed class TestPostgresSchema : IDisposable
{
    public string ConnectionString { get; } = TestPostgres.NewSchema();

    /// <summary>The settings of a host on this schema.</summary>
    public string[] HostSettings => ["Storage:Provider=PostgreSQL", $"ConnectionStrings:Postgres={ConnectionString}"];

    public void Dispose() => TestPostgres.DropSchema(ConnectionString);
}
