using AnToan.Bot.Channels;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Announcements;

/// <summary>Sends one activity to one stored conversation through its channel, within the rate limits,
/// retrying transient failures with exponential backoff and honouring Retry-After.</summary>
public sealed class ProactiveSender(
    IEnumerable<IProactiveChannel> channels,
    IOptions<AnnouncementOptions> options,
    TimeProvider time,
    ILogger<ProactiveSender> logger)
{
    private readonly IProactiveChannel[] _channels = channels.ToArray();
    private readonly RateGate _overall = new(options.Value.OverallPerSecond, time);

    /// <summary>A gate for one conversation, to pass to every send to it.</summary>
    public RateGate ConversationGate() => new(options.Value.PerConversationPerSecond, time);

    /// <returns>The last answer of the channel and how many sends it took. A Transient result means the
    /// attempts ran out or the channel asked to wait longer than MaxRetryDelay: try again in a later run.</returns>
    public async Task<(ProactiveResult Result, int Attempts)> SendAsync(
        ConversationReference reference, IActivity activity, RateGate conversationGate, CancellationToken cancellationToken)
    {
        var channel = _channels.FirstOrDefault(c => c.Handles(reference.ChannelId));
        if (channel is null)
            return (new ProactiveResult(ProactiveOutcome.Failed, Detail: $"no proactive channel for '{reference.ChannelId}'"), 0);

        var o = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            await conversationGate.WaitAsync(cancellationToken);
            await _overall.WaitAsync(cancellationToken);
            var result = await channel.SendAsync(reference, activity, cancellationToken);
            if (result.Outcome != ProactiveOutcome.Transient || o.BackoffAfter(attempt, result.RetryAfter) is not { } delay) return (result, attempt);
            logger.LogInformation("Transient failure sending to {ChannelId} conversation {ConversationId} ({Detail}); retry {Attempt} in {Delay}",
                reference.ChannelId, reference.Conversation?.Id, result.Detail, attempt + 1, delay);
            await Task.Delay(delay, time, cancellationToken);
        }
    }
}
