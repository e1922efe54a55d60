using LiteDB;

namespace AnToan.Bot.Admin;

/// <summary>Reads the units, members and answers that <see cref="Storage.LiteUnitStore"/> writes, straight from LiteDB.</summary>
/// <remarks>The dialogs' IUnitStore answers one unit's latest answers at a time; the dashboard needs every unit's
/// members and whole answer history at once, so it reads the store's collections (units, unit_members,
/// unit_answers) field by field. The end-to-end tests write through the chat and read through the admin API, so a
/// change of those documents shows up there.</remarks>
public sealed class LiteUnitDirectory(ILiteDatabase database) : IUnitDirectory
{
    public IReadOnlyList<DirectoryUnit> Units() =>
        database.GetCollection("units").FindAll()
            .Select(d => new DirectoryUnit(d["_id"].AsString, d["Name"].AsString, d["Type"].AsString,
                d["Headcount"].IsNumber ? Convert.ToInt64(d["Headcount"].RawValue) : null, d["JoinCode"].AsString, Utc(d["CreatedAt"])))
            .OrderBy(u => u.CreatedAt).ToList();

    public IReadOnlyList<DirectoryMember> Members() =>
        database.GetCollection("unit_members").FindAll()
            .Select(d => new DirectoryMember(d["UnitId"].AsString, d["_id"].AsString, d["Name"].AsString))
            .ToList();

    /// <remarks>Ordered by time, then by insertion (ObjectId) for answers given within the same clock tick.</remarks>
    public IReadOnlyList<DirectoryAnswer> Answers() =>
        database.GetCollection("unit_answers").FindAll()
            .Select(d => (Id: d["_id"].AsObjectId, Doc: d))
            .OrderBy(x => x.Doc["AnsweredAt"].AsDateTime).ThenBy(x => x.Id)
            .Select(x =>
            {
                var d = x.Doc;
                var unitList = d["UnitList"].AsString;
                var slash = unitList.LastIndexOf('/');
                return new DirectoryAnswer(unitList[..slash], unitList[(slash + 1)..], d["ItemId"].AsString, d["Status"].AsString,
                    NullableString(d["Date"]), NullableString(d["Note"]), d["AnsweredBy"].AsString, d["AnsweredByName"].AsString, Utc(d["AnsweredAt"]));
            })
            .ToList();

    private static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;

    private static DateTimeOffset Utc(BsonValue value) => new(DateTime.SpecifyKind(value.AsDateTime.ToUniversalTime(), DateTimeKind.Utc));
}
