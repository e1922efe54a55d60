using AnToan.Knowledge.Tests.Fixtures;
using AnToan.Knowledge.Text;

namespace AnToan.Knowledge.Tests.Text;

public sealed class TypoCorrectorTests
{
    private static readonly TypoCorrector Sut = new(new Dictionary<string, int>
    {
        ["nghiep"] = 5, ["truong"] = 7, ["thuong"] = 2, ["chay"] = 4, ["gia"] = 9, ["nam"] = 3,
    }, Fixture.Lexicon.Onsets);

    [Theory]
    [InlineData("nghep", "nghiep")]   // a letter dropped
    [InlineData("nghiepp", "nghiep")] // a letter added
    [InlineData("ngheip", "nghiep")]  // neighbours swapped
    [InlineData("truonh", "truong")]  // a letter replaced
    public void Correct_FixesOneEdit(string typed, string expected) => Assert.Equal(expected, Sut.Correct(typed));

    [Theory]
    [InlineData("nghiep")]     // known
    [InlineData("chy")]        // too short to correct
    [InlineData("qwertyuiop")] // nothing close
    [InlineData("nghieppp")]   // two edits away
    [InlineData("giam")]       // a well-formed syllable (onset gi, rhyme am of "nam"): meant, not mistyped
    public void Correct_LeavesOtherWordsAlone(string typed) => Assert.Null(Sut.Correct(typed));

    [Fact]
    public void Correct_PrefersTheMoreCommonWord() => Assert.Equal("truong", Sut.Correct("thruong"));
}
