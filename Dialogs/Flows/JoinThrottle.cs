using AnToan.Dialogs.Throttling;
using Microsoft.Bot.Builder;

namespace AnToan.Dialogs.Flows;

/// <summary>Counts wrong join codes per conversation and per member, so that a code (6 characters of 31) cannot be
/// found by trying: an anonymous web chat can open a new conversation, a Teams or Zalo user keeps one id; both are
/// counted. A right code does not reset the count, or a member of one unit could guess between two joins.
/// Wrong codes are also counted per client address (<see cref="TurnClient"/>) across conversations and people, with
/// a higher limit (an office behind one address has several people typing codes), since anonymous clients can be
/// anyone in any conversation.</summary>
/// <remarks>Kept in conversation and user state (the bot's storage): a restart does not reset the count. The count
/// per address is kept in the throttle counters every instance shares.</remarks>
public sealed class JoinThrottle(ConversationState conversationState, UserState userState, IThrottleCounters counters, TimeProvider time)
{
    public const int MaxFailures = 5;
    public const int MaxFailuresPerAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly FailureThrottle _byAddress = new(counters, "join-address", MaxFailuresPerAddress, Window, time);

    private readonly IStatePropertyAccessor<JoinFailures>[] _counters =
    [
        conversationState.CreateProperty<JoinFailures>("joinFailures"),
        userState.CreateProperty<JoinFailures>("joinFailures"),
    ];

    /// <returns>How long until codes may be tried again; null when they may be tried now.</returns>
    public async Task<TimeSpan?> LockedForAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var wait = TurnClient.AddressOf(turn) is { } address ? _byAddress.BlockedFor(address) : null;
        foreach (var counter in _counters)
        {
            var failures = await counter.GetAsync(turn, () => new JoinFailures(), cancellationToken);
            var left = failures.WindowStart + Window - time.GetUtcNow();
            if (failures.Count >= MaxFailures && left > TimeSpan.Zero && (wait is null || left > wait)) wait = left;
        }
        return wait;
    }

    public async Task FailedAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (TurnClient.AddressOf(turn) is { } address) _byAddress.Failed(address);
        var now = time.GetUtcNow();
        foreach (var counter in _counters)
        {
            var failures = await counter.GetAsync(turn, () => new JoinFailures(), cancellationToken);
            if (now - failures.WindowStart >= Window) failures = new JoinFailures { WindowStart = now };
            failures.Count++;
            await counter.SetAsync(turn, failures, cancellationToken);
        }
    }
}

/// <summary>Wrong codes since <see cref="WindowStart"/>.</summary>
public sealed class JoinFailures
{
    public int Count { get; set; }
    public DateTimeOffset WindowStart { get; set; }
}
