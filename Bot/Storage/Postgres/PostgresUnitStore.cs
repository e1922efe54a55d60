using AnToan.Dialogs.Units;
using Npgsql;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>Units, members, answers and resume points in PostgreSQL, shared by every instance: a checklist begun
/// through one instance continues through another.</summary>
/// <remarks>As in <see cref="LiteUnitStore"/>: every answer is its own row (insert only, ordered by a sequence), so
/// two members answering at once both keep their answers and the latest per item is the unit's; membership and resume
/// points are single rows written with upserts. A new unit's join code is unique by constraint.</remarks>
public sealed class PostgresUnitStore(PostgresDatabase database, TimeProvider time) : IUnitStore, IUnitDirectory
{
    private const string UnitColumns = "id, name, type, headcount, join_code, created_at";
    private const string AnswerColumns = "unit_id, list, item_id, status, date, note, answered_by, answered_by_name, answered_at";

    public async Task<Unit?> FindByMemberAsync(MemberKey member, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return FirstUnit(connection, $"SELECT {Prefixed("u.")} FROM unit_members m JOIN units u ON u.id = m.unit_id WHERE m.id = $1", StorageKey.Of(member.Id));
    }

    public Task<Unit> CreateAsync(NewUnit unit, MemberKey creator, string creatorName, CancellationToken cancellationToken) =>
        // The unit and its first member are written together or not at all: never a unit nobody belongs to.
        Task.FromResult(database.InTransaction((connection, _) =>
        {
            var id = Guid.NewGuid().ToString("N");
            var createdAt = time.GetUtcNow().UtcDateTime;
            Unit? created = null;
            // A code another unit has inserts nothing (no error, which would abort the transaction): draw again.
            while (created is null)
                created = FirstUnit(connection, $"""
                    INSERT INTO units ({UnitColumns}) VALUES ($1, $2, $3, $4, $5, $6)
                    ON CONFLICT (join_code) DO NOTHING RETURNING {UnitColumns}
                    """, id, unit.Name, unit.Type, unit.Headcount, LiteUnitStore.NewCode(), createdAt);
            AddMember(connection, created.Id, creator, creatorName);
            return created;
        }));

    public async Task<Unit?> JoinAsync(string joinCode, MemberKey member, string memberName, CancellationToken cancellationToken)
    {
        var code = new string(joinCode.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        await using var connection = await database.OpenAsync(cancellationToken);
        var unit = FirstUnit(connection, $"SELECT {UnitColumns} FROM units WHERE join_code = $1", code);
        if (unit is not null) AddMember(connection, unit.Id, member, memberName);
        return unit;
    }

    public async Task SaveAnswerAsync(UnitAnswer answer, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, $"INSERT INTO unit_answers ({AnswerColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            answer.UnitId, answer.List, answer.ItemId, answer.Status, answer.Date, answer.Note, answer.AnsweredBy, answer.AnsweredByName, answer.AnsweredAt.UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, UnitAnswer>> GetAnswersAsync(string unitId, string list, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // The latest per item: by time, then by insertion for answers given within the same clock tick.
        await using var command = PostgresDatabase.Command(connection, $"""
            SELECT DISTINCT ON (item_id) {AnswerColumns} FROM unit_answers
            WHERE unit_id = $1 AND list = $2 ORDER BY item_id, answered_at DESC, seq DESC
            """, unitId, list);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var latest = new Dictionary<string, UnitAnswer>();
        while (await reader.ReadAsync(cancellationToken))
            latest[reader.GetString(2)] = new UnitAnswer(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6), reader.GetString(7), UtcTime.Instant(reader.GetDateTime(8)));
        return latest;
    }

    public async Task SaveCursorAsync(UnitCursor cursor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            INSERT INTO unit_cursors (unit_id, flow, item_id, updated_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (unit_id) DO UPDATE SET flow = excluded.flow, item_id = excluded.item_id, updated_at = excluded.updated_at
            """, cursor.UnitId, cursor.Flow, cursor.ItemId, cursor.UpdatedAt.UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<UnitCursor?> GetCursorAsync(string unitId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, "SELECT flow, item_id, updated_at FROM unit_cursors WHERE unit_id = $1", unitId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new UnitCursor(unitId, reader.GetString(0), reader.GetString(1), UtcTime.Instant(reader.GetDateTime(2))) : null;
    }

    public IReadOnlyList<DirectoryUnit> Units() => database.Query($"SELECT {UnitColumns} FROM units ORDER BY created_at, id",
        r => new DirectoryUnit(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.GetString(4), UtcTime.Instant(r.GetDateTime(5))));

    public IReadOnlyList<DirectoryMember> Members() => database.Query("SELECT unit_id, id, name FROM unit_members ORDER BY id",
        r => new DirectoryMember(r.GetString(0), r.GetString(1), r.GetString(2)));

    public IReadOnlyList<DirectoryAnswer> Answers() => database.Query($"SELECT {AnswerColumns} FROM unit_answers ORDER BY answered_at, seq", r =>
    {
        var (list, year) = UnitLists.Parse(r.GetString(1));
        return new DirectoryAnswer(r.GetString(0), list, year, r.GetString(2), r.GetString(3),
            r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4).ToString("O"), r.IsDBNull(5) ? null : r.GetString(5),
            r.GetString(6), r.GetString(7), UtcTime.Instant(r.GetDateTime(8)));
    });

    private static void AddMember(NpgsqlConnection connection, string unitId, MemberKey member, string name)
    {
        using var command = PostgresDatabase.Command(connection, """
            INSERT INTO unit_members (id, unit_id, name) VALUES ($1, $2, $3)
            ON CONFLICT (id) DO UPDATE SET unit_id = excluded.unit_id, name = excluded.name
            """, StorageKey.Of(member.Id), unitId, name);
        command.ExecuteNonQuery();
    }

    private static Unit? FirstUnit(NpgsqlConnection connection, string sql, params object?[] values)
    {
        using var command = PostgresDatabase.Command(connection, sql, values);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new Unit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetString(4), UtcTime.Instant(reader.GetDateTime(5)))
            : null;
    }

    private static string Prefixed(string prefix) => string.Join(", ", UnitColumns.Split(", ").Select(c => prefix + c));

}
