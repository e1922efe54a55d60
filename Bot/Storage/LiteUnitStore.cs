using System.Security.Cryptography;
using AnToan.Dialogs.Units;
using LiteDB;

namespace AnToan.Bot.Storage;

/// <summary>Units, members, answers and resume points in LiteDB, each in its own collection.</summary>
/// <remarks>Every answer is its own document (insert only): two members answering at the same time never overwrite
/// each other, and the unit's answer for an item is the latest one. Membership and resume points are single
/// documents keyed by member and unit, written with upserts.</remarks>
public sealed class LiteUnitStore : IUnitStore, IUnitDirectory
{
    /// <summary>No 0/O, 1/I/L: a code read aloud or copied by hand stays unambiguous.</summary>
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 6;

    private readonly ILiteCollection<UnitDoc> _units;
    private readonly ILiteCollection<MemberDoc> _members;
    private readonly ILiteCollection<AnswerDoc> _answers;
    private readonly ILiteCollection<CursorDoc> _cursors;

    private readonly ILiteDatabase _db;
    private readonly TimeProvider _time;

    public LiteUnitStore(ILiteDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
        _units = db.GetCollection<UnitDoc>("units");
        _units.EnsureIndex(u => u.JoinCode, unique: true);
        _members = db.GetCollection<MemberDoc>("unit_members");
        _members.EnsureIndex(m => m.UnitId);
        _answers = db.GetCollection<AnswerDoc>("unit_answers");
        _answers.EnsureIndex(a => a.UnitList);
        _cursors = db.GetCollection<CursorDoc>("unit_cursors");
        KeepLegacyAnswersInTheirYear();
    }

    /// <summary>The guidance year of the answers given before lists were kept per year: the only checklist then was
    /// the 2021 guidance's.</summary>
    public const int LegacyYear = 2021;

    /// <summary>Answers saved before lists had a year ("unit/checklist") move to the list of <see cref="LegacyYear"/>,
    /// so they stay in that year's history instead of filling in a new year's checklist.</summary>
    private void KeepLegacyAnswersInTheirYear()
    {
        foreach (var answer in _answers.Find(a => !a.UnitList.Contains(UnitLists.YearSeparator)).ToList())
        {
            answer.UnitList = UnitLists.Of(answer.UnitList, LegacyYear);
            _answers.Update(answer);
        }
    }

    public Task<Unit?> FindByMemberAsync(MemberKey member, CancellationToken cancellationToken)
    {
        var link = _members.FindById(StorageKey.Of(member.Id));
        return Task.FromResult(link is null ? null : _units.FindById(link.UnitId)?.ToUnit());
    }

    public Task<Unit> CreateAsync(NewUnit unit, MemberKey creator, string creatorName, CancellationToken cancellationToken)
    {
        var doc = new UnitDoc
        {
            Id = Guid.NewGuid().ToString("N"),
            Name = unit.Name,
            Type = unit.Type,
            Headcount = unit.Headcount,
            CreatedAt = _time.GetUtcNow().UtcDateTime,
        };
        // The unit and its first member are written together or not at all: never a unit nobody belongs to.
        if (!_db.BeginTrans()) throw new InvalidOperationException("This thread already has an open LiteDB transaction.");
        try
        {
            // A failed insert would roll the whole transaction back: take a code no unit has instead of retrying.
            do doc.JoinCode = NewCode(); while (_units.Exists(u => u.JoinCode == doc.JoinCode));
            _units.Insert(doc);
            _members.Upsert(new MemberDoc { Id = StorageKey.Of(creator.Id), UnitId = doc.Id, Name = creatorName });
            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }
        return Task.FromResult(doc.ToUnit());
    }

    public Task<Unit?> JoinAsync(string joinCode, MemberKey member, string memberName, CancellationToken cancellationToken)
    {
        var code = new string(joinCode.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        var unit = _units.FindOne(u => u.JoinCode == code);
        if (unit is not null) _members.Upsert(new MemberDoc { Id = StorageKey.Of(member.Id), UnitId = unit.Id, Name = memberName });
        return Task.FromResult(unit?.ToUnit());
    }

    public Task SaveAnswerAsync(UnitAnswer answer, CancellationToken cancellationToken)
    {
        _answers.Insert(new AnswerDoc
        {
            UnitList = $"{answer.UnitId}/{answer.List}",
            ItemId = answer.ItemId,
            Status = answer.Status,
            Date = answer.Date?.ToString("O"),
            Note = answer.Note,
            AnsweredBy = answer.AnsweredBy,
            AnsweredByName = answer.AnsweredByName,
            AnsweredAt = answer.AnsweredAt.UtcDateTime,
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, UnitAnswer>> GetAnswersAsync(string unitId, string list, CancellationToken cancellationToken)
    {
        var key = $"{unitId}/{list}";
        // Insert order (ObjectId) breaks ties between answers given within the same clock tick.
        IReadOnlyDictionary<string, UnitAnswer> latest = _answers.Find(a => a.UnitList == key)
            .OrderBy(a => a.AnsweredAt).ThenBy(a => a.Id)
            .GroupBy(a => a.ItemId)
            .ToDictionary(g => g.Key, g => g.Last().ToAnswer(unitId, list));
        return Task.FromResult(latest);
    }

    public Task SaveCursorAsync(UnitCursor cursor, CancellationToken cancellationToken)
    {
        _cursors.Upsert(new CursorDoc { Id = cursor.UnitId, Flow = cursor.Flow, ItemId = cursor.ItemId, UpdatedAt = cursor.UpdatedAt.UtcDateTime });
        return Task.CompletedTask;
    }

    public Task<UnitCursor?> GetCursorAsync(string unitId, CancellationToken cancellationToken)
    {
        var doc = _cursors.FindById(unitId);
        return Task.FromResult(doc is null ? null : new UnitCursor(unitId, doc.Flow, doc.ItemId, UtcTime.Instant(doc.UpdatedAt)));
    }

    public IReadOnlyList<DirectoryUnit> Units() =>
        _units.FindAll().OrderBy(u => u.CreatedAt)
            .Select(u => new DirectoryUnit(u.Id, u.Name, u.Type, u.Headcount, u.JoinCode, UtcTime.Instant(u.CreatedAt))).ToList();

    public IReadOnlyList<DirectoryMember> Members() =>
        _members.FindAll().Select(m => new DirectoryMember(m.UnitId, m.Id, m.Name)).ToList();

    /// <remarks>Ordered by time, then by insertion (ObjectId) for answers given within the same clock tick.</remarks>
    public IReadOnlyList<DirectoryAnswer> Answers() =>
        _answers.FindAll().OrderBy(a => a.AnsweredAt).ThenBy(a => a.Id)
            .Select(a =>
            {
                var slash = a.UnitList.LastIndexOf('/');
                var (list, year) = UnitLists.Parse(a.UnitList[(slash + 1)..]);
                return new DirectoryAnswer(a.UnitList[..slash], list, year, a.ItemId, a.Status, a.Date, a.Note,
                    a.AnsweredBy, a.AnsweredByName, UtcTime.Instant(a.AnsweredAt));
            })
            .ToList();

    internal static string NewCode()
    {
        while (true)
        {
            var code = RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);
            // A digit tells a code from a word after "tham gia" (JoinCommand).
            if (code.Any(char.IsAsciiDigit) && code.Any(char.IsAsciiLetter)) return code;
        }
    }


    private sealed class UnitDoc
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";
        public long? Headcount { get; set; }
        public string JoinCode { get; set; } = "";
        public DateTime CreatedAt { get; set; }

        public Unit ToUnit() => new(Id, Name, Type, Headcount, JoinCode, UtcTime.Instant(CreatedAt));
    }

    private sealed class MemberDoc
    {
        /// <summary>channel:user.</summary>
        public string Id { get; set; } = "";
        public string UnitId { get; set; } = "";
        public string Name { get; set; } = "";
    }

    private sealed class AnswerDoc
    {
        public ObjectId Id { get; set; } = ObjectId.Empty;
        public string UnitList { get; set; } = "";
        public string ItemId { get; set; } = "";
        public string Status { get; set; } = "";
        public string? Date { get; set; }
        public string? Note { get; set; }
        public string AnsweredBy { get; set; } = "";
        public string AnsweredByName { get; set; } = "";
        public DateTime AnsweredAt { get; set; }

        public UnitAnswer ToAnswer(string unitId, string list) => new(
            unitId, list, ItemId, Status, Date is null ? null : DateOnly.Parse(Date), Note, AnsweredBy, AnsweredByName, UtcTime.Instant(AnsweredAt));
    }

    private sealed class CursorDoc
    {
        /// <summary>The unit's id: one resume point per unit.</summary>
        public string Id { get; set; } = "";
        public string Flow { get; set; } = "";
        public string ItemId { get; set; } = "";
        public DateTime UpdatedAt { get; set; }
    }
}
