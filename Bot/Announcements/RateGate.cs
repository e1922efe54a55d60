namespace AnToan.Bot.Announcements;

/// <summary>Spaces out sends to at most <c>perSecond</c>, allowing a burst of one second's worth.</summary>
/// <remarks>A generic cell-rate algorithm on the injected clock, so tests with a fake clock are not slowed and
/// limits can be checked without waiting. Each caller reserves its slot before waiting, so order is kept.</remarks>
public sealed class RateGate(double perSecond, TimeProvider time)
{
    private readonly Lock _lock = new();
    private long _theoreticalArrival;

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        if (perSecond <= 0) return Task.CompletedTask; // limits switched off
        var interval = (long)(time.TimestampFrequency / perSecond);
        var tolerance = time.TimestampFrequency - interval;
        long wait;
        lock (_lock)
        {
            var now = time.GetTimestamp();
            var arrival = Math.Max(_theoreticalArrival, now);
            wait = arrival - now - tolerance;
            _theoreticalArrival = arrival + interval;
        }
        return wait <= 0 ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromSeconds((double)wait / time.TimestampFrequency), time, cancellationToken);
    }
}
