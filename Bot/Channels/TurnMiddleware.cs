using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Bot.Builder;
using AnToan.Bot.Hosting;
using Microsoft.Extensions.Options;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace AnToan.Bot.Channels;

/// <summary>Makes incoming text safe to work on before anything else reads it: lone surrogates (which no text
/// function accepts) become U+FFFD, and text over Bot:MaxTextLength is cut between text elements, never inside a
/// surrogate pair or a letter with its combining marks.</summary>
public sealed class TextLimitMiddleware(IOptions<InputLimits> limits) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Text is { } text) turnContext.Activity.Text = Clean(text, limits.Value.MaxTextLength);
        return next(cancellationToken);
    }

    /// <returns>The text with lone surrogates replaced, cut to at most <paramref name="max"/> UTF-16 units of whole text elements.</returns>
    public static string Clean(string text, int max)
    {
        var valid = ReplaceLoneSurrogates(text);
        if (valid.Length <= max) return valid;
        var length = 0;
        while (length < valid.Length)
        {
            var next = StringInfo.GetNextTextElementLength(valid.AsSpan(length));
            if (length + next > max) break;
            length += next;
        }
        return valid[..length];
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate)) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
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
