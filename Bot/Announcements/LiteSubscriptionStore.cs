using System.Collections.Concurrent;
using LiteDB;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Announcements;

/// <summary>Subscribed conversations and their references, in LiteDB so that restarts lose none.</summary>
public sealed class LiteSubscriptionStore : ISubscriptionStore
{
    private readonly ILiteCollection<Subscription> _subscriptions;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public LiteSubscriptionStore(ILiteDatabase database, TimeProvider time)
    {
        _subscriptions = database.GetCollection<Subscription>("notify_subscriptions");
        _subscriptions.EnsureIndex(s => s.Active);
        _time = time;
    }

    /// <summary>Conversations known to have no subscription. Most never subscribe, yet every message asks
    /// (<see cref="OwedAnnouncementsInterceptor"/>): from here the answer costs no LiteDB query — nor a wait while a
    /// checkpoint holds the database.</summary>
    /// <remarks>Only this class writes the collection, each write under <see cref="_gate"/> and ending with
    /// <see cref="Written"/>. A read that found nothing is remembered only if no write ended meanwhile (checked under
    /// the gate), so it can never hide a subscription just written. Bounded: emptied when full.</remarks>
    private readonly ConcurrentDictionary<string, byte> _absent = new();
    private long _writes;
    private const int MaxAbsent = 100_000;

    public Subscription? Find(string channelId, string conversationId)
    {
        var id = Subscription.KeyOf(channelId, conversationId);
        if (_absent.ContainsKey(id)) return null;
        var writes = Interlocked.Read(ref _writes);
        var found = _subscriptions.FindById(id);
        if (found is null)
            lock (_gate)
                if (_writes == writes)
                {
                    if (_absent.Count >= MaxAbsent) _absent.Clear();
                    _absent.TryAdd(id, 0);
                }
        return found;
    }

    /// <summary>Ends every write (under <see cref="_gate"/>): <paramref name="id"/> may exist now.</summary>
    private void Written(string id)
    {
        Interlocked.Increment(ref _writes);
        _absent.TryRemove(id, out _);
    }

    public IReadOnlyList<Subscription> Active() => _subscriptions.Find(s => s.Active).ToList();

    public IReadOnlyList<Subscription> All() => _subscriptions.FindAll().ToList();

    /// <summary>Subscribes (or re-subscribes) the conversation of <paramref name="reference"/>.</summary>
    /// <param name="categories">null = every category.</param>
    public Subscription Subscribe(ConversationReference reference, IEnumerable<string>? categories = null)
    {
        lock (_gate)
        {
            var subscription = Subscription.Subscribed(Find(reference.ChannelId, reference.Conversation.Id), reference, categories, _time.GetUtcNow().UtcDateTime);
            _subscriptions.Upsert(subscription);
            Written(subscription.Id);
            return subscription;
        }
    }

    /// <summary>Ends the subscription; <paramref name="by"/> says why ("user", "removed", "gone").</summary>
    /// <returns>true when it was active.</returns>
    public bool Unsubscribe(string id, string by)
    {
        lock (_gate)
        {
            var subscription = _subscriptions.FindById(id);
            if (!Subscription.End(subscription, by, _time.GetUtcNow().UtcDateTime)) return false;
            _subscriptions.Update(subscription);
            Written(id);
            return true;
        }
    }

    /// <summary>Turns one category on or off; turning the last one off ends the subscription, turning one on
    /// in a conversation that is not subscribed subscribes it to that category alone.</summary>
    public Subscription SetCategory(ConversationReference reference, string category, bool on)
    {
        lock (_gate)
        {
            var current = Find(reference.ChannelId, reference.Conversation.Id);
            if (current is not { Active: true })
                return on ? Subscribe(reference, [category]) : current ?? new Subscription { Categories = [] };
            var categories = Subscription.Toggled(current.Categories, category, on);
            if (categories.Count == 0)
            {
                Unsubscribe(current.Id, "user");
                return _subscriptions.FindById(current.Id);
            }
            current.Categories = categories;
            current.Reference = Subscription.Serialize(reference);
            _subscriptions.Update(current);
            Written(current.Id);
            return current;
        }
    }

    /// <summary>Keeps the stored reference current (a channel may move a conversation to another service URL).</summary>
    public void Refresh(ConversationReference reference)
    {
        lock (_gate)
        {
            var subscription = Find(reference.ChannelId, reference.Conversation.Id);
            if (subscription is null || Subscription.Deserialize(subscription).ServiceUrl == reference.ServiceUrl) return;
            subscription.Reference = Subscription.Serialize(reference);
            _subscriptions.Update(subscription);
            Written(subscription.Id);
        }
    }
}
