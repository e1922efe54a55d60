using System.Threading.RateLimiting;
using AnToan.Dialogs.Throttling;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>A fixed window of <c>permitLimit</c> requests per key, counted in the <see cref="IThrottleCounters"/> every
/// instance shares: the web chat's limits per address hold however a load balancer spreads the requests.</summary>
/// <remarks>The window opens at the key's first request. The synchronous attempt grants nothing and counts nothing:
/// ASP.NET's middleware then asks asynchronously, and the count is made there, so no request thread waits on the
/// database and each request counts once.</remarks>
internal sealed class SharedWindowLimiter(IThrottleCounters counters, string scope, string key, int permitLimit, TimeSpan window, TimeProvider time)
    : RateLimiter
{
    private long _lastUsed = time.GetTimestamp();

    /// <summary>Lets the partitioned limiter drop this object when its address went quiet; the count stays in the store.</summary>
    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotWithoutWaiting;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        var now = time.GetUtcNow();
        var w = await counters.CountAsync(scope, key, now, window, cancellationToken);
        return w.Count <= permitLimit ? Lease.Granted : new Lease(false, w.End - now);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        /// <summary>The synchronous answer: ask asynchronously.</summary>
        public static readonly Lease NotWithoutWaiting = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
