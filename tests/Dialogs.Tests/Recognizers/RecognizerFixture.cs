using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Recognizers;
using AnToan.Knowledge;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Dialogs.Tests.Recognizers;

/// <summary>The recognisers over the real vocabulary file, on a fixed day: Tuesday 15 June 2021, Hanoi time.</summary>
public static class RecognizerFixture
{
    public static readonly DateOnly Today = new(2021, 6, 15);

    private static readonly KnowledgeStore Knowledge = new(Path.Combine(AppContext.BaseDirectory, "Content"), [VietnameseVocabulary.Part]);

    public static VietnameseVocabulary Vocabulary => Knowledge.Current.Part<VietnameseVocabulary>();

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>23:30 UTC on the 14th is already the 15th in Hanoi: "hôm nay" must follow the bot's zone.</summary>
    public static AnswerRecognizer Create() =>
        new(Knowledge, new LocalClock(new FakeTimeProvider(new DateTimeOffset(2021, 6, 14, 23, 30, 0, TimeSpan.Zero)), Zone));
}
