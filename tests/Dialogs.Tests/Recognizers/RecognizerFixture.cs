using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Recognizers;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Dialogs.Tests.Recognizers;

/// <summary>The recognisers over the real vocabulary file, on a fixed day: Tuesday 15 June 2021, Hanoi time.</summary>
public static class RecognizerFixture
{
    public static readonly DateOnly Today = new(2021, 6, 15);

    public static VietnameseVocabulary Vocabulary { get; } =
        VietnameseVocabulary.Load(Path.Combine(AppContext.BaseDirectory, "Content", "vietnamese.json"));

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>23:30 UTC on the 14th is already the 15th in Hanoi: "hôm nay" must follow the bot's zone.</summary>
    public static AnswerRecognizer Create() =>
        new(Vocabulary, new LocalClock(new FakeTimeProvider(new DateTimeOffset(2021, 6, 14, 23, 30, 0, TimeSpan.Zero)), Zone));
}
