using AnToan.Bot.Admin;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Storage;

/// <summary>Deletes the state of conversations nobody has written in for a while: implemented by the bot state
/// storages (<see cref="LiteDbStorage"/>, <see cref="Postgres.PostgresStorage"/>).</summary>
public interface IConversationPruning
{
    /// <summary>Deletes the conversation state (keys <c>channel/conversations/id</c>) whose last message turn
    /// (<see cref="ConversationActivity.LastActivity"/>) was before <paramref name="inactiveBefore"/>, at most
    /// <paramref name="batchSize"/> documents a batch; user state and state without that stamp are kept.</summary>
    /// <returns>How many conversations were deleted.</returns>
    Task<int> PruneConversationsAsync(DateTimeOffset inactiveBefore, int batchSize, CancellationToken cancellationToken = default);
}

/// <summary>How long conversation state and the question log are kept: Storage:ConversationRetentionDays and
/// Admin:QuestionRetentionDays; 0 keeps them forever.</summary>
public sealed record RetentionOptions(int ConversationDays, int QuestionDays)
{
    public const int DefaultConversationDays = 180, DefaultQuestionDays = 365;

    public static RetentionOptions From(IConfiguration configuration)
    {
        var options = new RetentionOptions(
            configuration.GetValue("Storage:ConversationRetentionDays", DefaultConversationDays),
            configuration.GetValue("Admin:QuestionRetentionDays", DefaultQuestionDays));
        if (options.ConversationDays < 0 || options.QuestionDays < 0)
            throw new InvalidOperationException("Storage:ConversationRetentionDays and Admin:QuestionRetentionDays must be 0 (keep forever) or more days.");
        return options;
    }
}

/// <summary>Prunes conversation state and the question log older than their retention: a few minutes after the
/// start, then once a day, in batches so that no write holds the database for long.</summary>
/// <remarks>Runs on every instance: with LiteDB the question log is each instance's own, and pruning shared
/// PostgreSQL state or questions twice deletes nothing twice. Units, progress and subscriptions are other stores: never pruned.
/// A conversation pruned while a turn of it runs is written back whole by that turn's save.</remarks>
public sealed class RetentionService(IConversationPruning conversations, IQuestionStore questions, RetentionOptions options,
    TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    public const int BatchSize = 500;
    public static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(5), RunEvery = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options is { ConversationDays: 0, QuestionDays: 0 }) return;
        await Task.Delay(FirstRunAfter, time, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await PruneAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "Pruning old conversations and questions failed"); }
            await Task.Delay(RunEvery, time, stoppingToken);
        }
    }

    /// <summary>Deletes, as of now, what is older than the retention.</summary>
    public async Task PruneAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (options.ConversationDays > 0)
        {
            var pruned = await conversations.PruneConversationsAsync(now.AddDays(-options.ConversationDays), BatchSize, cancellationToken);
            if (pruned > 0) logger.LogInformation("Deleted the state of {Count} conversations inactive for {Days} days", pruned, options.ConversationDays);
        }
        if (options.QuestionDays > 0)
        {
            var pruned = await questions.PruneAsync(now.AddDays(-options.QuestionDays), BatchSize, cancellationToken);
            if (pruned > 0) logger.LogInformation("Deleted {Count} questions older than {Days} days", pruned, options.QuestionDays);
        }
    }

    /// <summary>A bot state key of conversation state (the SDK's ConversationState: <c>channel/conversations/id</c>).</summary>
    public static bool IsConversationKey(string key) => key.Contains(ConversationKeyPart, StringComparison.Ordinal);

    public const string ConversationKeyPart = "/conversations/";

    private static readonly JsonSerializerSettings ActivityReadSettings = new() { DateParseHandling = DateParseHandling.DateTimeOffset, MaxDepth = null };

    /// <summary>The <see cref="ConversationActivity.LastActivity"/> of conversation state as stored (JSON); null
    /// when it has none.</summary>
    public static DateTimeOffset? LastActivity(string json) =>
        JsonConvert.DeserializeObject<JToken>(json, ActivityReadSettings) is JObject state
        && state[nameof(ConversationActivity)]?[nameof(ConversationActivity.LastActivity)] is { Type: JTokenType.Date } at
            ? at.Value<DateTimeOffset>()
            : null;
}
