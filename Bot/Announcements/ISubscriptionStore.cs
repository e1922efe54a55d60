using Microsoft.Bot.Schema;

namespace AnToan.Bot.Announcements;

/// <summary>Subscribed conversations and their references: <see cref="LiteSubscriptionStore"/> (LiteDB) or
/// <see cref="Storage.Postgres.PostgresSubscriptionStore"/> (shared by every instance).</summary>
/// <remarks>Changes to one subscription never interleave: each is a read and a write of that subscription alone.</remarks>
public interface ISubscriptionStore
{
    Subscription? Find(string channelId, string conversationId);

    IReadOnlyList<Subscription> Active();

    /// <summary>Every subscription, ended ones too (the dashboard).</summary>
    IReadOnlyList<Subscription> All();

    /// <summary>Subscribes (or re-subscribes) the conversation of <paramref name="reference"/>.</summary>
    /// <param name="categories">null = every category.</param>
    Subscription Subscribe(ConversationReference reference, IEnumerable<string>? categories = null);

    /// <summary>Ends the subscription; <paramref name="by"/> says why ("user", "removed", "gone").</summary>
    /// <returns>true when it was active.</returns>
    bool Unsubscribe(string id, string by);

    /// <summary>Turns one category on or off; turning the last one off ends the subscription, turning one on
    /// in a conversation that is not subscribed subscribes it to that category alone.</summary>
    Subscription SetCategory(ConversationReference reference, string category, bool on);

    /// <summary>Keeps the stored reference current (a channel may move a conversation to another service URL).</summary>
    void Refresh(ConversationReference reference);
}
