using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace AnToan.Bot.Storage.Postgres;

/// <summary>Runs the turns of one conversation one after another across every instance on the database: a PostgreSQL
/// session advisory lock keyed by the conversation, held for the turn.</summary>
/// <remarks>Added right after the in-process <see cref="Channels.ConversationLock"/>, so turns of one conversation
/// within an instance queue in memory and only one of them at a time holds a connection here. The lock belongs to
/// the connection: if the instance dies mid-turn, PostgreSQL drops the connection and the lock with it.</remarks>
public sealed class PostgresTurnLock(PostgresDatabase database) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var key = PostgresDatabase.LockKey($"turn:{turnContext.Activity.ChannelId}/{turnContext.Activity.Conversation?.Id}");
        await using (await database.HoldLockAsync(key, cancellationToken))
            await next(cancellationToken);
    }
}
