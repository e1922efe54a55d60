using AnToan.Dialogs.Recognizers;

namespace AnToan.Dialogs.Tests.Recognizers;

public sealed class NumberRecognitionTests
{
    private readonly AnswerRecognizer _sut = RecognizerFixture.Create();

    [Theory]
    [InlineData("12", 12)]
    [InlineData("mười hai", 12)]
    [InlineData("muoi hai", 12)]
    [InlineData("Mười", 10)]
    [InlineData("mười lăm", 15)]
    [InlineData("mười một", 11)]
    [InlineData("hai mươi", 20)]
    [InlineData("hai mươi lăm", 25)]
    [InlineData("hai muoi lam", 25)]
    [InlineData("hai mươi mốt", 21)]
    [InlineData("ba mươi tư", 34)]
    [InlineData("hai lăm", 25)]
    [InlineData("ba chục", 30)]
    [InlineData("một trăm", 100)]
    [InlineData("mot tram", 100)]
    [InlineData("một trăm linh năm", 105)]
    [InlineData("một trăm lẻ năm", 105)]
    [InlineData("hai trăm ba mươi", 230)]
    [InlineData("chín trăm chín mươi chín", 999)]
    [InlineData("một nghìn hai trăm", 1200)]
    [InlineData("hai ngàn", 2000)]
    [InlineData("hai nghìn không trăm hai mươi mốt", 2021)]
    [InlineData("hai nghìn linh năm", 2005)]
    [InlineData("một trăm nghìn", 100000)]
    [InlineData("ba triệu", 3000000)]
    [InlineData("khoảng 50 người", 50)]
    [InlineData("đơn vị có bốn mươi lăm người", 45)]
    [InlineData("90%", 90)]
    [InlineData("chín mươi phần trăm", 90)]
    [InlineData("không", 0)]
    [InlineData("từ 10 đến 20 người", 10)]
    [InlineData("tháng tư", 4)]
    [InlineData("hai mười lăm", 25)]
    public void Number_InDigitsOrWords_IsRead(string text, long expected) => Assert.Equal(expected, _sut.Number(text));

    [Theory]
    [InlineData("chưa biết")]
    [InlineData("nhiều lắm")]
    [InlineData("")]
    public void Number_WhenThereIsNone_IsNull(string text) => Assert.Null(_sut.Number(text));

    [Fact]
    public void VietnameseModel_ReturnsTheLibraryShape()
    {
        var result = Assert.Single(new VietnameseNumberModel(RecognizerFixture.Vocabulary).Parse("có hai mươi lăm người"));
        Assert.Equal(("number", "hai mươi lăm", 3, 14), (result.TypeName, result.Text, result.Start, result.End));
        Assert.Equal("25", result.Resolution["value"]);
        Assert.Equal("integer", result.Resolution["subtype"]);
    }

    [Fact]
    public void VietnameseModel_ReadsPercentagesAsThePercentageType()
    {
        var result = Assert.Single(new VietnameseNumberModel(RecognizerFixture.Vocabulary).Parse("đạt chín mươi phần trăm"));
        Assert.Equal("percentage", result.TypeName);
        Assert.Equal("90%", result.Resolution["value"]);
    }

    [Fact]
    public void Numbers_FindsDigitsAndWordsInOneSentence()
    {
        var values = _sut.Numbers("tổ 3 có mười hai người").Select(r => r.Resolution["value"]);
        Assert.Equal(["3", "12"], values);
    }
}
