using AnToan.Bot.Storage.Postgres;
using AnToan.Bot.Tests.Infrastructure;
using Npgsql;

namespace AnToan.Bot.Tests.Storage;

public sealed class PostgresSchemaTests
{
    [Fact]
    public void TheEmbeddedQuartzTables_AreThoseOfTheReferencedQuartzPackage()
    {
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_postgres.sql");
        Assert.NotNull(stream);
        var quartz = new StreamReader(stream).ReadToEnd().Replace("{0}", "qrtz_").Replace("{1}", "qrtz_");

        Assert.EndsWith(quartz.Trim(), PostgresSchema.QuartzTables.Trim());
    }

    [PostgresFact]
    public async Task InstancesStartingAtOnce_MigrateOnce_AndAStartAfterAppliesNothing()
    {
        using var schema = new TestPostgresSchema();

        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            using var connection = new NpgsqlConnection(schema.ConnectionString);
            connection.Open();
            return PostgresSchema.Migrate(connection);
        })));

        Assert.Equal(PostgresSchema.Migrations.Select(m => m.Version), applied.Single(a => a.Count > 0));
        Assert.Equal(3, applied.Count(a => a.Count == 0));
        Assert.Equal((long)PostgresSchema.Migrations.Count, TestPostgres.Scalar(schema.ConnectionString, "SELECT count(*) FROM schema_version"));
        Assert.Equal(0L, TestPostgres.Scalar(schema.ConnectionString, "SELECT count(*) FROM qrtz_paused_job_grps"));
        // Quartz's lock rows are there before any scheduler starts: no two instances race to insert them.
        Assert.Equal(2L, TestPostgres.Scalar(schema.ConnectionString,
            $"SELECT count(*) FROM qrtz_locks WHERE sched_name = '{AnToan.Bot.Announcements.AnnouncementServices.SchedulerName}' AND lock_name IN ('TRIGGER_ACCESS', 'STATE_ACCESS')"));
    }
}
