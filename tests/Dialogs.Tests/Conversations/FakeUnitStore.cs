using System.Collections.Concurrent;
using AnToan.Dialogs.Units;

namespace AnToan.Dialogs.Tests.Conversations;

/// <summary>An in-memory unit store with the same rule as the real one: every answer is kept, the latest counts.</summary>
public sealed class FakeUnitStore(TimeProvider time) : IUnitStore
{
    private readonly ConcurrentDictionary<string, Unit> _units = new();
    private readonly ConcurrentDictionary<string, string> _members = new();
    private readonly ConcurrentQueue<UnitAnswer> _answers = new();
    private readonly ConcurrentDictionary<string, UnitCursor> _cursors = new();
    private int _next;

    public IReadOnlyCollection<UnitAnswer> AllAnswers => _answers;

    /// <summary>Creates a unit and puts the members in it, as if they had joined.</summary>
    public Unit Seed(string type, params MemberKey[] members)
    {
        var unit = CreateAsync(new NewUnit("Công ty Minh Phát", type, 120), members[0], members[0].UserId, default).Result;
        foreach (var m in members.Skip(1)) _members[m.Id] = unit.Id;
        return unit;
    }

    public Task<Unit?> FindByMemberAsync(MemberKey member, CancellationToken cancellationToken) =>
        Task.FromResult(_members.TryGetValue(member.Id, out var id) ? _units[id] : null);

    public Task<Unit> CreateAsync(NewUnit unit, MemberKey creator, string creatorName, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _next);
        var created = new Unit($"unit{n}", unit.Name, unit.Type, unit.Headcount, $"AB{n:D3}Z", time.GetUtcNow());
        _units[created.Id] = created;
        _members[creator.Id] = created.Id;
        return Task.FromResult(created);
    }

    public Task<Unit?> JoinAsync(string joinCode, MemberKey member, string memberName, CancellationToken cancellationToken)
    {
        var unit = _units.Values.FirstOrDefault(u => string.Equals(u.JoinCode, joinCode.Trim(), StringComparison.OrdinalIgnoreCase));
        if (unit is not null) _members[member.Id] = unit.Id;
        return Task.FromResult(unit);
    }

    public Task SaveAnswerAsync(UnitAnswer answer, CancellationToken cancellationToken)
    {
        _answers.Enqueue(answer);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, UnitAnswer>> GetAnswersAsync(string unitId, string list, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, UnitAnswer>>(_answers.Where(a => a.UnitId == unitId && a.List == list)
            .GroupBy(a => a.ItemId).ToDictionary(g => g.Key, g => g.Last()));

    public Task SaveCursorAsync(UnitCursor cursor, CancellationToken cancellationToken)
    {
        _cursors[cursor.UnitId] = cursor;
        return Task.CompletedTask;
    }

    public Task<UnitCursor?> GetCursorAsync(string unitId, CancellationToken cancellationToken) =>
        Task.FromResult(_cursors.TryGetValue(unitId, out var c) ? c : null);
}
