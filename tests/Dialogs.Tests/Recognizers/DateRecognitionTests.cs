using AnToan.Dialogs.Recognizers;

namespace AnToan.Dialogs.Tests.Recognizers;

/// <summary>Today is Tuesday 15 June 2021 (see <see cref="RecognizerFixture"/>).</summary>
public sealed class DateRecognitionTests
{
    private readonly AnswerRecognizer _sut = RecognizerFixture.Create();

    [Theory]
    [InlineData("05/3/2021", "2021-03-05")]
    [InlineData("05/03/2021", "2021-03-05")]
    [InlineData("5/3/2021", "2021-03-05")]
    [InlineData("ngày 05/03/2021", "2021-03-05")]
    [InlineData("01/12/2021", "2021-12-01")]
    [InlineData("5/3", "2021-03-05")]
    [InlineData("ngày 5 tháng 3", "2021-03-05")]
    [InlineData("ngay 5 thang 3", "2021-03-05")]
    [InlineData("5 tháng 3", "2021-03-05")]
    [InlineData("ngày 5 tháng 3 năm 2020", "2020-03-05")]
    [InlineData("mùng 5 tháng 3", "2021-03-05")]
    [InlineData("ngày mùng năm tháng ba", "2021-03-05")]
    [InlineData("ngày hai mươi lăm tháng mười hai năm hai nghìn không trăm hai mươi", "2020-12-25")]
    [InlineData("ngày 1 tháng mười hai", "2021-12-01")]
    [InlineData("ngày 10", "2021-06-10")]
    [InlineData("làm xong hôm 3 tháng 6", "2021-06-03")]
    [InlineData("hôm nay", "2021-06-15")]
    [InlineData("hom nay", "2021-06-15")]
    [InlineData("hôm qua", "2021-06-14")]
    [InlineData("hôm kia", "2021-06-13")]
    [InlineData("ngày mai", "2021-06-16")]
    [InlineData("thứ hai tuần trước", "2021-06-07")]
    [InlineData("thu hai tuan truoc", "2021-06-07")]
    [InlineData("thứ 2 tuần này", "2021-06-14")]
    [InlineData("thứ sáu tuần sau", "2021-06-25")]
    [InlineData("chủ nhật tuần trước", "2021-06-13")]
    [InlineData("thứ năm", "2021-06-17")]
    [InlineData("T7 tuần trước", "2021-06-12")]
    [InlineData("tuần sau", "2021-06-22")]
    [InlineData("tuần trước", "2021-06-08")]
    [InlineData("3 ngày trước", "2021-06-12")]
    [InlineData("hai tuần trước", "2021-06-01")]
    [InlineData("một tháng trước", "2021-05-15")]
    [InlineData("5 ngày nữa", "2021-06-20")]
    public void Date_InDigitsOrWords_IsResolvedAgainstToday(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), _sut.Date(text));

    [Theory]
    [InlineData("ngày 31 tháng 2")]
    [InlineData("tháng 3")]
    [InlineData("12")]
    [InlineData("chưa nhớ")]
    public void Date_WhenThereIsNoValidDate_IsNull(string text) => Assert.Null(_sut.Date(text));

    /// <summary>A year outside 2000–2100 is no date: not this year's day and month with the year dropped.</summary>
    [Theory]
    [InlineData("31/12/9999")]
    [InlineData("01/01/0001")]
    [InlineData("1/1/1999")]
    [InlineData("5/3/2101")]
    [InlineData("31-12-9999")]
    [InlineData("31.12.9999")]
    [InlineData("ngày 31/12/9999")]
    [InlineData("ngày 5 tháng 3 năm 3000")]
    [InlineData("5 tháng 3 năm 1999")]
    [InlineData("ngày 5 tháng 3 năm 2101")]
    public void Date_WithAYearOutOfRange_IsNull(string text)
    {
        Assert.Null(_sut.Date(text));
        Assert.Empty(_sut.Dates(text));
    }

    [Theory]
    [InlineData("1/1/2000", "2000-01-01")]
    [InlineData("31/12/2100", "2100-12-31")]
    [InlineData("ngày 5 tháng 3 năm 2100", "2100-03-05")]
    public void Date_AtTheEdgesOfTheYearWindow_IsRead(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), _sut.Date(text));

    [Fact]
    public void VietnameseModel_ReturnsTheLibraryShape()
    {
        var model = new VietnameseDateModel(RecognizerFixture.Vocabulary, () => RecognizerFixture.Today);
        var result = Assert.Single(model.Parse("xong từ thứ hai tuần trước"));
        Assert.Equal(("datetimeV2.date", "thứ hai tuần trước", 8), (result.TypeName, result.Text, result.Start));
        var value = Assert.Single((List<Dictionary<string, string>>)result.Resolution["values"]);
        Assert.Equal("2021-06-07", value["value"]);
        Assert.Equal("2021-06-07", value["timex"]);
        Assert.Equal("date", value["type"]);
    }
}
