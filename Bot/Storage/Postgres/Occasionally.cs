namespace AnToan.Bot.Storage.Postgres;

/// <summary>When something done now and then on the way (deleting rows no longer needed) is due: once a period, for
/// one caller, without a timer of its own.</summary>
public sealed class Occasionally(TimeSpan every)
{
    private long _nextTicks;

    /// <returns>True for one caller once <paramref name="now"/> reaches the time due, which then moves a period on.</returns>
    public bool Due(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextTicks);
        return now.UtcTicks >= due && Interlocked.CompareExchange(ref _nextTicks, now.UtcTicks + every.Ticks, due) == due;
    }
}
