using System.Threading.RateLimiting;
using AnToan.Dialogs.Throttling;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>A fixed window of <c>permitLimit</c> requests per key, counted in the <see cref="IThrottleCounters"/> every
/// instance shares: the web chat's limits per address hold however a load balancer spreads the requests.</summary>
/// <remarks>The window opens at the key's first request. ASP.NET's middleware asks again asynchronously when the
/// synchronous attempt is refused, so a refused request may count twice: that only keeps a key that is over its limit
/// over it until the window ends, which it would be anyway.</remarks>
internal sealed class SharedWindowLimiter(IThrottleCounters counters, string scope, string key, int permitLimit, TimeSpan window, TimeProvider time)
    : RateLimiter
{
    private long _lastUsed = time.GetTimestamp();

    /// <summary>Lets the partitioned limiter drop this object when its address went quiet; the count stays in the store.</summary>
    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        var now = time.GetUtcNow();
        var w = counters.Count(scope, key, now, window);
        return w.Count <= permitLimit ? Lease.Granted : new Lease(false, w.End - now);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        new(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
