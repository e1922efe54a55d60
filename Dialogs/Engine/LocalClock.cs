namespace AnToan.Dialogs.Engine;

/// <summary>The injected clock read in the bot's time zone (Bot:TimeZone): "hôm nay", due dates and days left are local.</summary>
public sealed class LocalClock(TimeProvider time, TimeZoneInfo zone)
{
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
}
