namespace AnToan.Dialogs.Engine;

/// <summary>The injected clock read in the bot's time zone (Bot:TimeZone): "hôm nay", due dates, days left,
/// the calendar's days and the quiet hours are local.</summary>
public sealed class LocalClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset Now => ToLocal(UtcNow);

    public DateOnly Today => DayOf(UtcNow);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);
}
