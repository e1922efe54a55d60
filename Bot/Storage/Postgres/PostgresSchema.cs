using Npgsql;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>The bot's tables in PostgreSQL, as numbered migrations applied at start-up.</summary>
/// <remarks>
/// Versioned: <c>schema_version</c> lists the migrations applied; each runs once, in its own transaction with its row.
/// Idempotent: a start finds what is applied and does the rest (nothing, usually). Safe with instances starting at
/// once: the whole check-and-apply runs under a session advisory lock, so the second instance waits and then finds
/// everything applied. Tables are created unqualified, in the connection's search path (the tests give each run a
/// schema of its own). Never edit a migration that shipped: add the next one.
/// </remarks>
public static class PostgresSchema
{
    /// <summary>The advisory lock of one schema's migrations, keyed by the schema (current_schema(), the connection's
    /// search path): instances on one schema wait for each other; deployments (and test runs) on other schemas of the
    /// same database do not.</summary>
    private const string MigrationLock = "hashtextextended('antoan:schema-migration:' || coalesce(current_schema(), ''), 0)";

    /// <summary>Quartz's tables (embedded Sql/quartz_tables.sql; see its header for where it came from).</summary>
    public static readonly string QuartzTables = Resource("quartz_tables.sql");

    /// <summary>The migrations, in order: (version, what, SQL).</summary>
    public static readonly IReadOnlyList<(int Version, string Name, string Sql)> Migrations =
    [
        (1, "bot state, units, announcements, content", """
            CREATE TABLE bot_state (
                key text PRIMARY KEY,
                json text NOT NULL,
                version bigint NOT NULL);
            CREATE TABLE units (
                id text PRIMARY KEY,
                name text NOT NULL,
                type text NOT NULL,
                headcount bigint NULL,
                join_code text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL);
            CREATE TABLE unit_members (
                id text PRIMARY KEY,
                unit_id text NOT NULL REFERENCES units (id),
                name text NOT NULL);
            CREATE INDEX unit_members_unit ON unit_members (unit_id);
            CREATE TABLE unit_answers (
                seq bigserial PRIMARY KEY,
                unit_id text NOT NULL,
                list text NOT NULL,
                item_id text NOT NULL,
                status text NOT NULL,
                date date NULL,
                note text NULL,
                answered_by text NOT NULL,
                answered_by_name text NOT NULL,
                answered_at timestamptz NOT NULL);
            CREATE INDEX unit_answers_list ON unit_answers (unit_id, list);
            CREATE TABLE unit_cursors (
                unit_id text PRIMARY KEY,
                flow text NOT NULL,
                item_id text NOT NULL,
                updated_at timestamptz NOT NULL);
            CREATE TABLE notify_subscriptions (
                id text PRIMARY KEY,
                channel_id text NOT NULL,
                conversation_id text NOT NULL,
                reference text NOT NULL,
                active boolean NOT NULL,
                categories text[] NOT NULL,
                subscribed_at timestamptz NOT NULL,
                ended_at timestamptz NULL,
                ended_by text NULL);
            CREATE INDEX notify_subscriptions_active ON notify_subscriptions (active);
            CREATE TABLE notify_deliveries (
                id text PRIMARY KEY,
                announcement_key text NOT NULL,
                subscription_id text NOT NULL,
                entry_id text NOT NULL,
                occurrence_start text NOT NULL,
                due_at timestamptz NOT NULL,
                state text NOT NULL,
                activity_id text NOT NULL,
                attempts integer NOT NULL,
                updated_at timestamptz NOT NULL,
                detail text NULL,
                claimed_until timestamptz NULL);
            CREATE INDEX notify_deliveries_state ON notify_deliveries (state, due_at);
            CREATE INDEX notify_deliveries_subscription ON notify_deliveries (subscription_id, state);
            CREATE INDEX notify_deliveries_updated ON notify_deliveries (updated_at);
            CREATE TABLE notify_state (
                id text PRIMARY KEY,
                at timestamptz NOT NULL);
            CREATE TABLE content_versions (
                version integer PRIMARY KEY,
                year integer NULL,
                title text NOT NULL,
                note text NULL,
                published_at timestamptz NOT NULL,
                published_by text NOT NULL,
                files jsonb NOT NULL);
            CREATE TABLE content_current (
                id text PRIMARY KEY,
                version integer NOT NULL REFERENCES content_versions (version));
            CREATE TABLE content_drafts (
                id text PRIMARY KEY,
                json text NOT NULL);
            """),
        (2, "Quartz 4.7.3 job store (qrtz_)", QuartzTables),
        (3, "question log, votes, admin audit, report links", """
            CREATE TABLE admin_questions (
                id bigserial PRIMARY KEY,
                text text NOT NULL,
                answered boolean NOT NULL,
                answer_id text NULL,
                channel_id text NOT NULL,
                at timestamptz NOT NULL);
            CREATE INDEX admin_questions_at ON admin_questions (at);
            CREATE TABLE feedback_votes (
                id bigserial PRIMARY KEY,
                answer_id text NULL,
                question text NOT NULL,
                helpful boolean NOT NULL,
                channel_id text NOT NULL,
                conversation_id text NOT NULL,
                at timestamptz NOT NULL);
            CREATE INDEX feedback_votes_at ON feedback_votes (at);
            CREATE TABLE admin_audit (
                id bigserial PRIMARY KEY,
                at timestamptz NOT NULL,
                action text NOT NULL,
                who text NOT NULL,
                remote_ip text NOT NULL,
                succeeded boolean NOT NULL,
                detail text NULL);
            CREATE TABLE report_links (
                token text PRIMARY KEY,
                unit_id text NOT NULL,
                file_name text NOT NULL,
                content bytea NOT NULL,
                expires_at timestamptz NOT NULL);
            CREATE INDEX report_links_expires ON report_links (expires_at);
            """),
        (4, "web chat conversations and events, Zalo inbox, users and tokens", """
            CREATE TABLE webchat_conversations (
                id text PRIMARY KEY,
                user_id text NOT NULL,
                user_name text NULL,
                created_at timestamptz NOT NULL);
            CREATE TABLE webchat_transcript (
                seq bigserial PRIMARY KEY,
                conversation_id text NOT NULL,
                activity text NOT NULL);
            CREATE INDEX webchat_transcript_conversation ON webchat_transcript (conversation_id, seq);
            CREATE TABLE webchat_events (
                seq bigserial PRIMARY KEY,
                conversation_id text NOT NULL,
                json text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX webchat_events_created ON webchat_events (created_at);
            CREATE TABLE zalo_inbox (
                id text PRIMARY KEY,
                body text NULL,
                received_at_ms bigint NOT NULL,
                done boolean NOT NULL,
                claimed_until_ms bigint NULL);
            CREATE INDEX zalo_inbox_pending ON zalo_inbox (done, received_at_ms);
            CREATE TABLE zalo_users (
                id text PRIMARY KEY,
                last_interaction_ms bigint NOT NULL,
                outside_window boolean NOT NULL);
            CREATE TABLE zalo_tokens (
                id text PRIMARY KEY,
                access_token text NOT NULL,
                refresh_token text NOT NULL,
                expires_at_ms bigint NOT NULL,
                seed text NOT NULL);
            """),
        (5, "dashboard sessions, throttle and rate-limit counters", """
            CREATE TABLE admin_sessions (
                token_hash text PRIMARY KEY,
                id text NOT NULL,
                expires_at timestamptz NOT NULL);
            CREATE INDEX admin_sessions_expires ON admin_sessions (expires_at);
            CREATE TABLE throttle_counters (
                scope text NOT NULL,
                key text NOT NULL,
                window_start timestamptz NOT NULL,
                window_end timestamptz NOT NULL,
                count integer NOT NULL,
                refused integer NOT NULL,
                closed integer NOT NULL,
                PRIMARY KEY (scope, key));
            CREATE INDEX throttle_counters_end ON throttle_counters (window_end);
            """),
        // Quartz inserts its lock rows on first use; two instances starting together on a new database race for that
        // insert, and the loser waits out a retry on the scheduler's clock. Present from the start, there is no race.
        (6, "Quartz lock rows", $"""
            INSERT INTO qrtz_locks (sched_name, lock_name)
            VALUES ('{Announcements.AnnouncementServices.SchedulerName}', 'TRIGGER_ACCESS'),
                   ('{Announcements.AnnouncementServices.SchedulerName}', 'STATE_ACCESS')
            ON CONFLICT DO NOTHING;
            """),
    ];

    /// <summary>Applies the migrations this database lacks.</summary>
    /// <returns>The versions applied now (none when the schema was current).</returns>
    public static IReadOnlyList<int> Migrate(NpgsqlConnection connection)
    {
        Execute(connection, $"SELECT pg_advisory_lock({MigrationLock})");
        try
        {
            Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            var applied = new HashSet<int>();
            using (var read = new NpgsqlCommand("SELECT version FROM schema_version", connection))
            using (var reader = read.ExecuteReader())
                while (reader.Read()) applied.Add(reader.GetInt32(0));

            var done = new List<int>();
            foreach (var (version, name, sql) in Migrations.Where(m => !applied.Contains(m.Version)))
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, sql, transaction);
                using (var record = PostgresDatabase.Command(connection, "INSERT INTO schema_version (version, name) VALUES ($1, $2)", version, name))
                {
                    record.Transaction = transaction;
                    record.ExecuteNonQuery();
                }
                transaction.Commit();
                done.Add(version);
            }
            return done;
        }
        finally
        {
            // A broken connection has lost the lock with the session: unlocking it would only hide the first error.
            if (connection.State == System.Data.ConnectionState.Open) Execute(connection, $"SELECT pg_advisory_unlock({MigrationLock})");
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static string Resource(string name)
    {
        using var stream = typeof(PostgresSchema).Assembly.GetManifestResourceStream($"AnToan.Bot.Storage.Postgres.{name}")
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        return new StreamReader(stream).ReadToEnd();
    }
}
