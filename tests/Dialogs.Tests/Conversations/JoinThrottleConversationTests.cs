using AnToan.Dialogs.Flows;
using static AnToan.Dialogs.Tests.Conversations.ConversationHarness;

namespace AnToan.Dialogs.Tests.Conversations;

/// <summary>Join codes cannot be guessed by trying: wrong codes are counted per conversation and per member.</summary>
public sealed class JoinThrottleConversationTests
{
    private readonly ConversationHarness h = new();

    /// <summary>Five wrong codes from user2 in conv1: three in one dialog (the third gives up), then two commands.</summary>
    private Task FiveWrongCodesAsync() => h.Flow("user2", "conv1")
        .Send("tham gia ZZ991Q").SaysTemplate(h, "dialog-unit-join-unknown", new { Code = "ZZ991Q" }).SaysTemplate(h, "dialog-unit-join-code")
        .Send("ZZ992Q").SaysTemplate(h, "dialog-unit-join-unknown", new { Code = "ZZ992Q" }).SaysTemplate(h, "dialog-unit-join-code")
        .Send("ZZ993Q").SaysTemplate(h, "dialog-unit-join-unknown", new { Code = "ZZ993Q" }).SaysTemplate(h, "dialog-unit-join-code")
        .Send("ZZ994Q").SaysTemplate(h, "dialog-gave-up")
        .Send("tham gia ZZ995Q").SaysTemplate(h, "dialog-unit-join-unknown", new { Code = "ZZ995Q" })
        .SaysTemplate(h, "dialog-join-locked", new { Minutes = 60 })
        .StartTestAsync();

    [Fact]
    public async Task Join_AfterFiveWrongCodes_RefusesEvenTheRightCode_UntilAnHourHasPassed()
    {
        var unit = h.Units.Seed("co-quan", Member("user1"));
        await FiveWrongCodesAsync();

        await h.Flow("user2", "conv1").Send($"tham gia {unit.JoinCode}").SaysTemplate(h, "dialog-join-locked", new { Minutes = 60 }).StartTestAsync();
        h.Time.Advance(TimeSpan.FromMinutes(59));
        await h.Flow("user2", "conv1").Send("tham gia").SaysTemplate(h, "dialog-join-locked", new { Minutes = 1 }).StartTestAsync();
        Assert.Null(await h.Units.FindByMemberAsync(Member("user2"), default));

        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.Flow("user2", "conv1").Send($"tham gia {unit.JoinCode}").Says(unit.Name).StartTestAsync();
        Assert.Equal(unit, await h.Units.FindByMemberAsync(Member("user2"), default));
    }

    [Fact]
    public async Task Join_AfterFiveWrongCodes_IsRefusedToTheMemberElsewhere_AndToOthersInTheConversation()
    {
        var unit = h.Units.Seed("co-quan", Member("user1"));
        await FiveWrongCodesAsync();

        await h.Flow("user2", "conv2").Send($"tham gia {unit.JoinCode}").SaysTemplate(h, "dialog-join-locked", new { Minutes = 60 }).StartTestAsync();
        await h.Flow("user3", "conv1").Send($"tham gia {unit.JoinCode}").SaysTemplate(h, "dialog-join-locked", new { Minutes = 60 }).StartTestAsync();
        await h.Flow("user3", "conv3").Send($"tham gia {unit.JoinCode}").Says(unit.Name).StartTestAsync();
        Assert.Null(await h.Units.FindByMemberAsync(Member("user2"), default));
    }

    [Fact]
    public async Task Join_RightCodeBetweenWrongOnes_DoesNotResetTheCount()
    {
        var unit = h.Units.Seed("co-quan", Member("user1"));
        for (var i = 1; i < JoinThrottle.MaxFailures; i++)
            await h.Flow("user2", "conv1")
                .Send($"tham gia ZZ99{i}Q").SaysTemplate(h, "dialog-unit-join-unknown", new { Code = $"ZZ99{i}Q" }).SaysTemplate(h, "dialog-unit-join-code")
                .Send(unit.JoinCode).Says(unit.Name)
                .StartTestAsync();
        await h.Flow("user2", "conv1")
            .Send("tham gia ZZ995Q").SaysTemplate(h, "dialog-unit-join-unknown", new { Code = "ZZ995Q" }).SaysTemplate(h, "dialog-join-locked", new { Minutes = 60 })
            .Send($"tham gia {unit.JoinCode}").SaysTemplate(h, "dialog-join-locked", new { Minutes = 60 })
            .StartTestAsync();
    }
}
