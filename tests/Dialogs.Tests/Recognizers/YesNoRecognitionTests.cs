using AnToan.Dialogs.Recognizers;

namespace AnToan.Dialogs.Tests.Recognizers;

public sealed class YesNoRecognitionTests
{
    private readonly AnswerRecognizer _sut = RecognizerFixture.Create();

    [Theory]
    [InlineData("có")]
    [InlineData("Có")]
    [InlineData("co")]
    [InlineData("rồi")]
    [InlineData("roi")]
    [InlineData("đã làm")]
    [InlineData("đã làm rồi")]
    [InlineData("ok")]
    [InlineData("OK")]
    [InlineData("ừ")]
    [InlineData("uh")]
    [InlineData("vâng")]
    [InlineData("dạ")]
    [InlineData("dạ có")]
    [InlineData("vâng, được")]
    [InlineData("đồng ý")]
    [InlineData("có chứ")]
    [InlineData("xong rồi")]
    public void Yes(string text) => Assert.True(_sut.YesNo(text));

    [Theory]
    [InlineData("không")]
    [InlineData("khong")]
    [InlineData("Không.")]
    [InlineData("chưa")]
    [InlineData("chua")]
    [InlineData("k")]
    [InlineData("ko")]
    [InlineData("dạ không")]
    [InlineData("vâng, chưa ạ")]
    [InlineData("không có")]
    [InlineData("chưa làm")]
    [InlineData("no")]
    public void No(string text) => Assert.False(_sut.YesNo(text));

    [Theory]
    [InlineData("hạn nộp hồ sơ")]
    [InlineData("")]
    public void Neither(string text) => Assert.Null(_sut.YesNo(text));

    [Fact]
    public void VietnameseModel_ReturnsTheLibraryShape()
    {
        var result = Assert.Single(new VietnameseBooleanModel(RecognizerFixture.Vocabulary).Parse("dạ, chưa ạ"));
        Assert.Equal(("boolean", "chưa", 4, 7), (result.TypeName, result.Text, result.Start, result.End));
        Assert.Equal(false, result.Resolution["value"]);
    }
}
