using Microsoft.Bot.Schema;

namespace AnToan.Bot.Channels;

/// <summary>How an announcement reaches one stored conversation on one channel.</summary>
public interface IProactiveChannel
{
    /// <summary>True when this channel delivers to conversations of <paramref name="channelId"/>.</summary>
    bool Handles(string channelId);

    Task<ProactiveResult> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken);
}

/// <param name="RetryAfter">When the channel asked to wait (429), how long.</param>
public sealed record ProactiveResult(ProactiveOutcome Outcome, TimeSpan? RetryAfter = null, string? Detail = null)
{
    public static readonly ProactiveResult Delivered = new(ProactiveOutcome.Delivered);
}

public enum ProactiveOutcome
{
    Delivered,
    /// <summary>Try again later (429, 5xx, timeouts).</summary>
    Transient,
    /// <summary>The conversation is gone or blocked the bot (403/404, Zalo unfollow): end the subscription.</summary>
    Gone,
    /// <summary>Not deliverable now and not worth retrying (Zalo's 7-day window); deliver when the user writes.</summary>
    OutsideWindow,
    Failed,
}
