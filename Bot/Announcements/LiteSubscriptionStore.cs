using System.Collections.Concurrent;
using AnToan.Knowledge.Calendar;
using LiteDB;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace AnToan.Bot.Announcements;

/// <summary>Subscribed conversations and their references, in LiteDB so that restarts lose none.</summary>
/// <remarks>The rules of subscribing (the static members) are shared with the PostgreSQL store.</remarks>
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
            var subscription = Subscribed(Find(reference.ChannelId, reference.Conversation.Id), reference, categories, _time.GetUtcNow().UtcDateTime);
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
            if (!End(subscription, by, _time.GetUtcNow().UtcDateTime)) return false;
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
            var categories = Toggled(current.Categories, category, on);
            if (categories.Count == 0)
            {
                Unsubscribe(current.Id, "user");
                return _subscriptions.FindById(current.Id);
            }
            current.Categories = categories;
            current.Reference = Serialize(reference);
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
            if (subscription is null || Deserialize(subscription).ServiceUrl == reference.ServiceUrl) return;
            subscription.Reference = Serialize(reference);
            _subscriptions.Update(subscription);
            Written(subscription.Id);
        }
    }

    /// <summary>The reference to store for proactive messages: the conversation's, not the activity's.</summary>
    /// <remarks>Without an activity id a proactive message starts a new message instead of replying to an old
    /// one; a Teams channel thread (";messageid=...") stands for its channel, so a channel has one subscription
    /// and announcements start their own posts.</remarks>
    public static ConversationReference ReferenceOf(IActivity activity)
    {
        var reference = activity.GetConversationReference();
        reference.ActivityId = null;
        var id = reference.Conversation?.Id;
        var thread = id?.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase) ?? -1;
        // A copy: the reference shares the activity's ConversationAccount, whose id keys the turn's conversation state.
        if (thread > 0 && reference.ChannelId == Microsoft.Bot.Connector.Channels.Msteams)
        {
            reference.Conversation = JsonConvert.DeserializeObject<ConversationAccount>(JsonConvert.SerializeObject(reference.Conversation))!;
            reference.Conversation.Id = id![..thread];
        }
        return reference;
    }

    public static ConversationReference Deserialize(Subscription subscription) =>
        JsonConvert.DeserializeObject<ConversationReference>(subscription.Reference)
        ?? throw new InvalidOperationException($"Subscription {subscription.Id} has no reference.");

    internal static string Serialize(ConversationReference reference) => JsonConvert.SerializeObject(reference);

    /// <summary>The conversation of <paramref name="reference"/> subscribed to <paramref name="categories"/> (null = every
    /// category): <paramref name="current"/> changed, or a new subscription.</summary>
    internal static Subscription Subscribed(Subscription? current, ConversationReference reference, IEnumerable<string>? categories, DateTime now)
    {
        var subscription = current ?? new Subscription
        {
            Id = Subscription.KeyOf(reference.ChannelId, reference.Conversation.Id),
            ChannelId = reference.ChannelId,
            ConversationId = reference.Conversation.Id,
        };
        if (!subscription.Active) subscription.SubscribedAt = now;
        subscription.Active = true;
        subscription.EndedAt = null;
        subscription.EndedBy = null;
        subscription.Categories = (categories ?? CalendarCategories.All).Distinct().ToList();
        subscription.Reference = Serialize(reference);
        return subscription;
    }

    /// <summary>Ends <paramref name="subscription"/> if it is active.</summary>
    /// <returns>true when it was active.</returns>
    internal static bool End(Subscription? subscription, string by, DateTime now)
    {
        if (subscription is not { Active: true }) return false;
        subscription.Active = false;
        subscription.EndedAt = now;
        subscription.EndedBy = by;
        return true;
    }

    /// <summary>The categories with <paramref name="category"/> turned on or off, in the calendar's order.</summary>
    internal static List<string> Toggled(IEnumerable<string> categories, string category, bool on)
    {
        var set = categories.Where(c => c != category).Concat(on ? [category] : []).ToHashSet();
        return CalendarCategories.All.Where(set.Contains).ToList();
    }
}
