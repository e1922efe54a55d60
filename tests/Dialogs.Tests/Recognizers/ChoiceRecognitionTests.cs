using AnToan.Dialogs.Recognizers;

namespace AnToan.Dialogs.Tests.Recognizers;

public sealed class ChoiceRecognitionTests
{
    private readonly AnswerRecognizer _sut = RecognizerFixture.Create();

    private static readonly ChoiceOption[] Options =
    [
        new() { Value = "done", Label = "Đã làm", Synonyms = ["xong", "rồi"] },
        new() { Value = "doing", Label = "Đang làm" },
        new() { Value = "todo", Label = "Chưa làm", Synonyms = ["chưa"] },
    ];

    [Theory]
    [InlineData("Đã làm", "done")]
    [InlineData("da lam", "done")]
    [InlineData("ĐANG LÀM", "doing")]
    [InlineData("1", "done")]
    [InlineData("3", "todo")]
    [InlineData("hai", "doing")]
    [InlineData("xong", "done")]
    [InlineData("chúng tôi đang làm", "doing")]
    [InlineData("bên mình chưa làm ạ", "todo")]
    [InlineData("làm rồi", "done")]
    public void Choice_ByLabelNumberOrSynonym(string text, string expected) => Assert.Equal(expected, _sut.Choice(text, Options)?.Value);

    [Theory]
    [InlineData("4")]
    [InlineData("không biết")]
    [InlineData("đã làm hay chưa làm")]
    public void Choice_OutOfRangeUnknownOrAmbiguous_IsNull(string text) => Assert.Null(_sut.Choice(text, Options));
}
