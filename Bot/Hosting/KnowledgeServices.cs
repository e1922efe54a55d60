using AnToan.Bot.Admin;
using AnToan.Bot.Content;
using AnToan.Bot.Reports;
using AnToan.Bot.Storage;
using AnToan.Dialogs;
using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Recognizers;
using AnToan.Knowledge;
using AnToan.Knowledge.Answers;
using AnToan.Knowledge.Model;
using AnToan.Knowledge.Search;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AnToan.Bot.Hosting;

public static class KnowledgeServices
{
    /// <summary>The knowledge content, loaded and validated once at start-up: a broken file stops the host.</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration["Knowledge:ContentPath"];
        var root = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "Content")
            : Path.GetFullPath(configured);
        // Singleton: one snapshot in service, swapped atomically on reload. Loaded here, so a broken file stops the
        // build of the host; the files of Dialogs and Bot are parts of the same snapshot. Last, the names the code of
        // every layer shares with the content are checked both ways.
        services.AddSingleton(new KnowledgeStore(root, [DialogWords.Part, VietnameseVocabulary.Part, ReportWording.Part, AdminWording.Part, ImportWording.Part,
            CodeNames.CheckAll(AnswerNames.Names, DialogNames.Names, BotNames.Names)]));
        // Singletons: the index of each snapshot is built once and searched concurrently; matching is stateless.
        services.AddSingleton<KnowledgeSearch>();
        // Singletons: the versions live in the database (IContentVersionStore, AddStorage); the watcher (started before the scheduler and the endpoints)
        // seeds version 1, serves the current version and follows what other instances publish.
        services.AddSingleton<ContentVersions>();
        services.AddHostedService<ContentVersionWatcher>();
        // Singletons: drafts live in the database (IDraftStore, AddStorage); review and import keep nothing between calls.
        services.AddSingleton<ContentReview>();
        services.AddSingleton<KnowledgeMatcher>();
        services.AddSingleton<AnswerComposer>();
        // Singleton: the injected clock read in the configured zone, for answers, dialogs and the scheduler.
        services.AddSingleton(sp => new LocalClock(
            sp.GetRequiredService<TimeProvider>(),
            TimeZoneInfo.FindSystemTimeZoneById(configuration["Bot:TimeZone"] is { Length: > 0 } tz ? tz : "Asia/Ho_Chi_Minh")));
        services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>("knowledge");
        return services;
    }

    /// <summary>The bot and how it replies.</summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        // Singletons: stateless between turns; per-conversation state lives in IStorage.
        services.AddSingleton<Replies>();
        services.AddSingleton<QuestionAnswerer>();
        services.AddSingleton<IQuestionAnswerer>(sp => sp.GetRequiredService<QuestionAnswerer>());
        services.AddSingleton<IMessageInterceptor, FeedbackInterceptor>();
        // The interceptors (registered here and by AddDialogFlows and AddAnnouncements) in the order TurnOrder declares.
        services.AddSingleton(sp => new TurnPipeline(TurnOrder.Interceptors, sp.GetServices<IMessageInterceptor>()));
        services.AddSingleton<IMessageRouter, KnowledgeRouter>();
        services.AddSingleton<Microsoft.Bot.Builder.IBot, AnToanBot>();
        return services;
    }
}

/// <summary>Healthy once the index of the content in service is built (the first check builds it).</summary>
internal sealed class KnowledgeHealthCheck(KnowledgeSearch search) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(search.Index.Entries.Count > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("knowledge index is empty"));
}
