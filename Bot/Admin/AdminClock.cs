namespace AnToan.Bot.Admin;

/// <summary>The injected clock read in Bot:TimeZone: what "today" and "this week" mean on the dashboard.</summary>
public sealed class AdminClock(TimeProvider time, IConfiguration configuration)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(
        configuration["Bot:TimeZone"] is { Length: > 0 } zone ? zone : "Asia/Ho_Chi_Minh");

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The Monday that starts the local week of <paramref name="instant"/>.</summary>
    public DateOnly WeekOf(DateTimeOffset instant)
    {
        var day = DateOnly.FromDateTime(ToLocal(instant).DateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
