namespace AnToan.Bot.Notifications;

/// <summary>The injected clock seen in Bot:TimeZone, where the calendar's days and the quiet hours live.</summary>
public sealed class LocalClock(TimeProvider time, IConfiguration configuration)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(
        configuration["Bot:TimeZone"] is { Length: > 0 } id ? id : "Asia/Ho_Chi_Minh");

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public DateOnly Today => DayOf(UtcNow);
}
