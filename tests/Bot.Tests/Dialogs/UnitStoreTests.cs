using AnToan.Bot.Storage;
using AnToan.Dialogs.Units;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Dialogs;

public sealed class UnitStoreTests : IDisposable
{
    private readonly LiteDatabase _db = StorageServices.Open(new MemoryStream());
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2021, 6, 15, 2, 0, 0, TimeSpan.Zero));
    private readonly LiteUnitStore _sut;

    public UnitStoreTests() => _sut = new LiteUnitStore(_db, _time);

    public void Dispose() => _db.Dispose();

    private UnitAnswer Answer(Unit unit, string item, string status, string who) =>
        new(unit.Id, UnitLists.Checklist, item, status, new DateOnly(2021, 3, 5), $"{who} {item}", who, who, _time.GetUtcNow());

    [Fact]
    public async Task JoinCodes_AreShortUnambiguousAndUnique()
    {
        var codes = new List<string>();
        for (var i = 0; i < 200; i++)
            codes.Add((await _sut.CreateAsync(new NewUnit($"Đơn vị {i}", "co-quan", null), new MemberKey("t", $"u{i}"), "x", default)).JoinCode);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[A-HJ-KM-NP-Z2-9]{6}$", c));
        Assert.All(codes, c => Assert.Contains(c, ch => char.IsAsciiDigit(ch)));
    }

    [Fact]
    public async Task AUserIdOverAKilobyte_CreatesAndJoinsAUnit_WithoutLeavingAnOrphan()
    {
        var creator = new MemberKey("webchat", new string('u', 3000));
        var colleague = new MemberKey("webchat", new string('v', 3000));

        var unit = await _sut.CreateAsync(new NewUnit("Trường THCS A", "nha-truong", 40), creator, "A", default);
        await _sut.JoinAsync(unit.JoinCode, colleague, "B", default);

        Assert.Equal(unit, await _sut.FindByMemberAsync(creator, default));
        Assert.Equal(unit, await _sut.FindByMemberAsync(colleague, default));
        Assert.Single(_sut.Units());
        Assert.Equal(2, _sut.Members().Count(m => m.UnitId == unit.Id));
    }

    [Fact]
    public async Task Join_IgnoresCaseAndSpaces_AndUnknownCodesJoinNothing()
    {
        var unit = await _sut.CreateAsync(new NewUnit("Trường THCS A", "nha-truong", 40), new MemberKey("msteams", "a"), "A", default);
        Assert.Null(await _sut.JoinAsync("ZZZZZZ", new MemberKey("zalo", "b"), "B", default));
        var spaced = string.Join(" ", unit.JoinCode.ToLowerInvariant().Chunk(3).Select(c => new string(c)));
        Assert.Equal(unit, await _sut.JoinAsync(spaced, new MemberKey("zalo", "b"), "B", default));
        Assert.Equal(unit, await _sut.FindByMemberAsync(new MemberKey("zalo", "b"), default));
    }

    [Fact]
    public async Task ConcurrentAnswers_AreAllKept_AndTheLatestPerItemCounts()
    {
        var unit = await _sut.CreateAsync(new NewUnit("Công ty B", "doanh-nghiep", null), new MemberKey("t", "a"), "a", default);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++) await _sut.SaveAnswerAsync(Answer(unit, $"item{i}", "doing", $"w{w}"), default);
        })));
        Assert.Equal(200, _db.GetCollection("unit_answers").Count());

        _time.Advance(TimeSpan.FromMinutes(1));
        await _sut.SaveAnswerAsync(Answer(unit, "item3", "done", "late"), default);
        var latest = await _sut.GetAnswersAsync(unit.Id, UnitLists.Checklist, default);
        Assert.Equal(25, latest.Count);
        Assert.Equal(("done", "late", new DateOnly(2021, 3, 5)), (latest["item3"].Status, latest["item3"].AnsweredBy, latest["item3"].Date));
        Assert.Empty(await _sut.GetAnswersAsync(unit.Id, UnitLists.Assessment, default));
    }

    [Fact]
    public async Task Cursor_IsOnePerUnit()
    {
        await _sut.SaveCursorAsync(new UnitCursor("u1", UnitLists.Checklist, "a", _time.GetUtcNow()), default);
        await _sut.SaveCursorAsync(new UnitCursor("u1", UnitLists.Assessment, "b", _time.GetUtcNow()), default);
        var cursor = await _sut.GetCursorAsync("u1", default);
        Assert.Equal((UnitLists.Assessment, "b"), (cursor!.Flow, cursor.ItemId));
        Assert.Null(await _sut.GetCursorAsync("u2", default));
    }
}
