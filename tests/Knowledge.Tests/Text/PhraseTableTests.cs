using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Tests.Text;

/// <summary>The one phrase table of the matcher and the recognisers: longest phrase first, diacritics exact when typed
/// and when the table asks for it, the first added of two phrases that read the same.</summary>
public sealed class PhraseTableTests
{
    [Theory]
    [InlineData("từ", false)]
    [InlineData("tư", true)]
    [InlineData("tu", true)]
    [InlineData("TƯ", true)]
    public void AWordTypedWithDiacritics_MustBeTheWordItself(string typed, bool found)
    {
        var table = PhraseTable<int>.Of([KeyValuePair.Create("tư", 4)], PhraseMatching.ExactWhenAccented);

        Assert.Equal(found, table.Contains(Token.Split(typed), 0));
    }

    [Theory]
    [InlineData("mười")]
    [InlineData("mươi")]
    [InlineData("muoi")]
    public void AFoldedTable_IgnoresDiacritics(string typed)
    {
        var table = PhraseTable<bool>.Of([KeyValuePair.Create("mươi", true)], PhraseMatching.Folded);

        Assert.True(table.Contains(Token.Split(typed), 0));
    }

    [Fact]
    public void TheLongestPhrase_Wins_WhateverTheOrderAdded()
    {
        var table = PhraseTable<int>.Of(
            [KeyValuePair.Create("hôm", 9), KeyValuePair.Create("hôm nay", 0), KeyValuePair.Create("hôm nay nữa", 7)],
            PhraseMatching.ExactWhenAccented);

        Assert.True(table.TryMatch(Token.Split("việc hôm nay"), 1, out var value, out var length));
        Assert.Equal((0, 2), (value, length));
        Assert.True(table.TryMatch(Token.Split("hôm kia"), 0, out value, out length));
        Assert.Equal((9, 1), (value, length));
        Assert.False(table.TryMatch(Token.Split("hôm"), 1, out _, out _));
    }

    [Fact]
    public void OfPhrasesThatFoldAlike_TheFirstAddedWins()
    {
        var table = new PhraseTable<string>();
        table.Add(["bay"], "first");
        table.Add(["bảy", "mươi"], "longer");
        table.Add(["bẩy"], "second");

        Assert.Equal(["longer", "first", "second"], table.StartingWith("bay").Select(p => p.Value));
        Assert.True(table.TryMatch(Token.Split("bẩy"), 0, out var value, out _));
        Assert.Equal("first", value);
    }
}
