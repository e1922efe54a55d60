using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>Accepted events between the webhook (which must answer Zalo within about 2 seconds) and the turn runner.</summary>
public sealed class ZaloEventQueue(IOptions<ZaloOptions> options)
{
    private readonly Channel<ZaloInboxEntry> _channel = Channel.CreateBounded<ZaloInboxEntry>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <returns>false when the queue is full.</returns>
    public bool TryEnqueue(ZaloInboxEntry entry) => _channel.Writer.TryWrite(entry);

    public IAsyncEnumerable<ZaloInboxEntry> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
