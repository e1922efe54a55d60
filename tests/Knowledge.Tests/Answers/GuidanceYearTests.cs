using AnToan.Knowledge.Tests.Eval;

namespace AnToan.Knowledge.Tests.Answers;

/// <summary>Questions answered for the year they ask about, on the shipped content (one guidance, 2021's), in 2026.</summary>
public sealed class GuidanceYearTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [InlineData("han nop ho so cong nhan la khi nao")]
    [InlineData("Năm nay phấn đấu bao nhiêu phần trăm đơn vị đạt chuẩn?")]
    [InlineData("Năm 2025 hạn nộp hồ sơ công nhận là khi nào?")]
    public void AYearWithoutGuidance_IsAnsweredFromTheLatest_WhichTheAnswerNames(string question)
    {
        var (answered, text) = FirstParagraphScore.Reply(question, Today);

        Assert.True(answered, text);
        Assert.Contains("2021", FirstParagraphScore.FirstParagraph(text));
        Assert.Contains("chưa có hướng dẫn mới", text);
        Assert.Contains("413/HD-CAT-PV05 năm 2021", text);
        Assert.DoesNotContain("đã qua", text);
    }

    [Theory]
    [InlineData("năm 2027 hạn nộp hồ sơ công nhận là khi nào")]
    [InlineData("năm 2019 hạn nộp hồ sơ công nhận là khi nào")]
    public void AYearStillToCome_OrBeforeEveryGuidance_IsNotAnsweredFromAnotherYears(string question) =>
        Assert.False(FirstParagraphScore.Reply(question, Today).Answered);

    [Fact]
    public void AYearAskedOfARuleSinceReplaced_GetsTheRuleInForceThen_AndHearsOfTheOther()
    {
        var (answered, text) = FirstParagraphScore.Reply("năm 2021 thời gian đánh giá tiêu chuẩn an toàn về ANTT đối với doanh nghiệp tính thế nào", Today);

        Assert.True(answered, text);
        Assert.Contains("30/11", FirstParagraphScore.FirstParagraph(text));
        Assert.Contains("124/2021/TT-BCA", text);
        var later = FirstParagraphScore.Reply("năm 2023 thời gian đánh giá tiêu chuẩn an toàn về ANTT đối với doanh nghiệp tính thế nào", Today).Text;
        Assert.Contains("16/11", FirstParagraphScore.FirstParagraph(later));
    }
}
