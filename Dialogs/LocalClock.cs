namespace AnToan.Dialogs;

/// <summary>Today's date where the users are (Bot:TimeZone), from the injected clock.</summary>
public sealed class LocalClock(TimeProvider time, TimeZoneInfo zone)
{
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
}
