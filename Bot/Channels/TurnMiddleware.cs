using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using AnToan.Bot.Hosting;
using Microsoft.Extensions.Options;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace AnToan.Bot.Channels;

/// <summary>Caps incoming text before any work is done on it.</summary>
public sealed class TextLimitMiddleware(IOptions<InputLimits> limits) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var text = turnContext.Activity.Text;
        var max = limits.Value.MaxTextLength;
        if (text is not null && text.Length > max) turnContext.Activity.Text = text[..max];
        return next(cancellationToken);
    }
}

/// <summary>Runs the turns of one conversation one after another.</summary>
/// <remarks>The SDK's BotState saves are last-writer-wins: two turns of one conversation running at once
/// would each load the state, change it and save it, and one update would be lost.</remarks>
public sealed class ConversationLock : IMiddleware
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new();

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var key = $"{turnContext.Activity.ChannelId}/{turnContext.Activity.Conversation?.Id}";
        var gate = Acquire(key);
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
            try { await next(cancellationToken); }
            finally { gate.Semaphore.Release(); }
        }
        finally { Release(key, gate); }
    }

    private Gate Acquire(string key)
    {
        while (true)
        {
            var gate = _gates.GetOrAdd(key, _ => new Gate());
            lock (gate)
            {
                if (gate.Users >= 0) { gate.Users++; return gate; }
            }
            // That gate was being retired: take a fresh one.
        }
    }

    private void Release(string key, Gate gate)
    {
        lock (gate)
        {
            if (--gate.Users > 0) return;
            gate.Users = -1;
            _gates.TryRemove(new KeyValuePair<string, Gate>(key, gate));
        }
    }

    private sealed class Gate
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
    }
}
