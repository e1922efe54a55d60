using AnToan.Bot.Channels.Zalo;

namespace AnToan.Bot.Tests.Zalo;

public sealed class ZaloTextTests
{
    [Theory]
    [InlineData("**bold** and __bold__", "bold and bold")]
    [InlineData("*italic* and _italic_", "italic and italic")]
    [InlineData("keep snake_case_names and 2*3*4", "keep snake_case_names and 2*3*4")]
    [InlineData("# Title\n## Part", "Title\nPart")]
    [InlineData("* one\n+ two\n- three", "- one\n- two\n- three")]
    [InlineData("See [the guidance](https://example.invalid/413).", "See the guidance (https://example.invalid/413).")]
    [InlineData("<[https://a.invalid](https://a.invalid)>", "<https://a.invalid>")]
    [InlineData("> quoted `code`", "quoted code")]
    [InlineData("above\n\n---\n\nbelow", "above\n\n\n\nbelow")]
    [InlineData("a \\*literal\\* star", "a *literal* star")]
    public void StripMarkdown_LeavesReadablePlainText(string markdown, string expected) =>
        Assert.Equal(expected, ZaloText.StripMarkdown(markdown));

    [Theory]
    [InlineData("One. Two. Three.", 10, new[] { "One. Two.", "Three." })]
    [InlineData("Is it? Yes! Done.", 12, new[] { "Is it? Yes!", "Done." })]
    [InlineData("First line\nsecond line", 15, new[] { "First line", "second line" })]
    [InlineData("He said \"stop.\" Then left.", 18, new[] { "He said \"stop.\"", "Then left." })]
    [InlineData("no sentence end here at all", 12, new[] { "no sentence", "end here at", "all" })]
    [InlineData("abcdefghij", 4, new[] { "abcd", "efgh", "ij" })]
    [InlineData("short", 2000, new[] { "short" })]
    [InlineData("   ", 2000, new string[0])]
    public void Split_CutsAfterSentences_ThenBetweenWords(string text, int max, string[] expected) =>
        Assert.Equal(expected, ZaloText.Split(text, max));

    [Fact]
    public void Split_NeverCutsAnEmojiInHalf()
    {
        var parts = ZaloText.Split("abc😀def", 4);
        Assert.Equal(["abc", "😀de", "f"], parts);
    }
}
