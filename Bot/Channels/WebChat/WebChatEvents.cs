using System.Collections.Concurrent;
using System.Threading.Channels;

namespace AnToan.Bot.Channels.WebChat;

/// <summary>What the bot sends to a web conversation outside a request, on its way to the conversation's open pages
/// (<see cref="WebChatEvents"/>) — those of this instance (LiteDB), or of every instance on the database
/// (<see cref="PostgresWebChatBroadcast"/>).</summary>
public interface IWebChatBroadcast
{
    void Publish(string conversationId, string json);
}

/// <summary>The open server-sent-event streams of each web conversation in this instance, fed with what the bot sends
/// outside a request.</summary>
public sealed class WebChatEvents : IWebChatBroadcast
{
    private readonly ConcurrentDictionary<string, ImmutableSubscribers> _subscribers = new();

    /// <summary>Registers a stream; dispose the subscription when the client goes away.</summary>
    public Subscription Subscribe(string conversationId)
    {
        var subscription = new Subscription(this, conversationId);
        _subscribers.AddOrUpdate(conversationId, _ => new([subscription]), (_, s) => new([.. s.Items, subscription]));
        return subscription;
    }

    /// <summary>Writes the payload to every open stream of the conversation (none: nothing happens).</summary>
    public void Publish(string conversationId, string json)
    {
        if (!_subscribers.TryGetValue(conversationId, out var subscribers)) return;
        foreach (var subscriber in subscribers.Items) subscriber.Writer.TryWrite(json);
    }

    private void Remove(Subscription subscription)
    {
        while (_subscribers.TryGetValue(subscription.ConversationId, out var current))
        {
            var rest = current.Items.Where(s => s != subscription).ToArray();
            var done = rest.Length == 0
                ? _subscribers.TryRemove(new KeyValuePair<string, ImmutableSubscribers>(subscription.ConversationId, current))
                : _subscribers.TryUpdate(subscription.ConversationId, new(rest), current);
            if (done) return;
        }
    }

    private sealed record ImmutableSubscribers(Subscription[] Items);

    public sealed class Subscription : IDisposable
    {
        private readonly WebChatEvents _owner;
        // Bounded so that a stalled client cannot make the server hold an endless queue; the page reloads history on reconnect.
        private readonly Channel<string> _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });

        internal Subscription(WebChatEvents owner, string conversationId)
        {
            _owner = owner;
            ConversationId = conversationId;
        }

        public string ConversationId { get; }
        public ChannelReader<string> Reader => _queue.Reader;
        internal ChannelWriter<string> Writer => _queue.Writer;

        public void Dispose()
        {
            _queue.Writer.TryComplete();
            _owner.Remove(this);
        }
    }
}
