using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs.Units;

namespace AnToan.Bot.Tests.Storage.Contracts;

/// <summary>Units, members, answers and resume points (<see cref="IUnitStore"/>, read side <see cref="Admin.IUnitDirectory"/>).</summary>
public abstract class UnitStoreContract(TestStores stores) : IDisposable
{
    private static readonly MemberKey Creator = new("msteams", "user-a");
    private static readonly MemberKey Colleague = new("webchat", "user-b");

    public void Dispose() => stores.Dispose();

    private UnitAnswer Answer(string unitId, string item, string status, string who, int minutes) => new(
        unitId, UnitLists.Of(UnitLists.Checklist, 2026), item, status, new DateOnly(2026, 3, 5), $"note {item}", who, who + " name",
        stores.Time.GetUtcNow().AddMinutes(minutes));

    [ProviderFact]
    public async Task AUnitCreatedOnOneInstance_IsJoinedOnAnother_ByItsCode_InAnyCase()
    {
        var unit = await stores.Units(0).CreateAsync(new NewUnit("Unit A", "co-quan", 40), Creator, "A", default);

        var joined = await stores.Units(1).JoinAsync(" " + unit.JoinCode.ToLowerInvariant(), Colleague, "B", default);

        Assert.Equal(unit, joined);
        Assert.Equal(unit, await stores.Units(0).FindByMemberAsync(Colleague, default));
        Assert.Equal(unit, await stores.Units(1).FindByMemberAsync(Creator, default));
        Assert.Null(await stores.Units(1).JoinAsync("ZZZZ99", new MemberKey("x", "y"), "C", default));
        Assert.Equal(new[] { "A", "B" }, stores.Directory(1).Members().Select(m => m.Name).Order());
    }

    [ProviderFact]
    public async Task JoinCodes_AreUnique()
    {
        var codes = new List<string>();
        for (var i = 0; i < 30; i++)
            codes.Add((await stores.Units(i % 2).CreateAsync(new NewUnit($"Unit {i}", "co-quan", null), new MemberKey("t", $"u{i}"), "x", default)).JoinCode);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(30, stores.Directory().Units().Count);
    }

    [ProviderFact]
    public async Task TheLatestAnswerPerItem_IsTheUnits_WhicheverInstanceWroteIt()
    {
        var unit = await stores.Units().CreateAsync(new NewUnit("Unit A", "co-quan", null), Creator, "A", default);
        var list = UnitLists.Of(UnitLists.Checklist, 2026);
        await stores.Units(0).SaveAnswerAsync(Answer(unit.Id, "t1", "todo", "a", 0), default);
        await stores.Units(1).SaveAnswerAsync(Answer(unit.Id, "t1", "done", "b", 1), default);
        await stores.Units(0).SaveAnswerAsync(Answer(unit.Id, "t2", "doing", "a", 2) with { Date = null, Note = null }, default);

        var answers = await stores.Units(1).GetAnswersAsync(unit.Id, list, default);

        Assert.Equal("done", answers["t1"].Status);
        Assert.Equal("b", answers["t1"].AnsweredBy);
        Assert.Equal(new DateOnly(2026, 3, 5), answers["t1"].Date);
        Assert.Equal(stores.Time.GetUtcNow().AddMinutes(1), answers["t1"].AnsweredAt);
        Assert.Null(answers["t2"].Date);
        Assert.Empty(await stores.Units().GetAnswersAsync(unit.Id, UnitLists.Of(UnitLists.Checklist, 2027), default));
        var history = stores.Directory(0).Answers();
        Assert.Equal(new[] { "todo", "done", "doing" }, history.Select(a => a.Status));
        Assert.All(history, a => Assert.Equal((UnitLists.Checklist, (int?)2026), (a.List, a.Year)));
    }

    [ProviderFact]
    public async Task AnswersGivenWithinOneClockTick_KeepTheirOrder()
    {
        var unit = await stores.Units().CreateAsync(new NewUnit("Unit A", "co-quan", null), Creator, "A", default);
        foreach (var status in new[] { "todo", "doing", "done" })
            await stores.Units().SaveAnswerAsync(Answer(unit.Id, "t1", status, "a", 0), default);

        Assert.Equal("done", (await stores.Units().GetAnswersAsync(unit.Id, UnitLists.Of(UnitLists.Checklist, 2026), default))["t1"].Status);
    }

    [ProviderFact]
    public async Task TheResumePoint_IsOnePerUnit_TheLastSaved()
    {
        var unit = await stores.Units().CreateAsync(new NewUnit("Unit A", "co-quan", null), Creator, "A", default);
        Assert.Null(await stores.Units().GetCursorAsync(unit.Id, default));
        var now = stores.Time.GetUtcNow();
        await stores.Units(0).SaveCursorAsync(new UnitCursor(unit.Id, "checklist", "t3", now), default);
        await stores.Units(1).SaveCursorAsync(new UnitCursor(unit.Id, "assessment", "c2", now.AddMinutes(5)), default);

        Assert.Equal(new UnitCursor(unit.Id, "assessment", "c2", now.AddMinutes(5)), await stores.Units(0).GetCursorAsync(unit.Id, default));
    }
}

public sealed class LiteDbUnitStoreContractTests() : UnitStoreContract(TestStores.LiteDb());

public sealed class PostgresUnitStoreContractTests() : UnitStoreContract(TestStores.Postgres()), INeedsPostgres;
