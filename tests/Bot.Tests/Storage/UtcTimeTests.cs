using AnToan.Bot.Storage;

namespace AnToan.Bot.Tests.Storage;

/// <summary>A stored date comes back as the UTC instant it was written as, whatever kind the driver gives it.</summary>
public sealed class UtcTimeTests
{
    private static readonly DateTime Written = new(2026, 11, 28, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void AUtcOrUnspecifiedValue_IsThatInstant()
    {
        Assert.Equal(new DateTimeOffset(Written), UtcTime.Instant(Written));
        Assert.Equal(new DateTimeOffset(Written), UtcTime.Instant(DateTime.SpecifyKind(Written, DateTimeKind.Unspecified)));
        Assert.Equal(DateTimeKind.Utc, UtcTime.Of(DateTime.SpecifyKind(Written, DateTimeKind.Unspecified)).Kind);
    }

    [Fact]
    public void ALocalValue_IsConverted()
    {
        Assert.Equal(new DateTimeOffset(Written), UtcTime.Instant(Written.ToLocalTime()));
        Assert.Equal(Written, UtcTime.Of(Written.ToLocalTime()));
    }
}
