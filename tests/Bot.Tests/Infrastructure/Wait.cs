namespace AnToan.Bot.Tests.Infrastructure;

/// <summary>Waits, bounded, for what another thread or process makes true.</summary>
public static class Wait
{
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeoutMs"/>.</exception>
    public static async Task Until(Func<bool> condition, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline) throw new TimeoutException("The condition did not hold in time");
            await Task.Delay(20);
        }
    }
}
