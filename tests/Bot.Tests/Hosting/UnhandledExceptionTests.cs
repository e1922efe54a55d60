using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using AnToan.Bot.Admin;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnToan.Bot.Tests.Hosting;

/// <summary>An exception nobody expected is a 500 without a stack trace, and it is in the log with the trace id the
/// client was given, so that a report of the one leads to the other.</summary>
public sealed class UnhandledExceptionTests
{
    [Fact]
    public async Task UnhandledException_IsLoggedWithTheTraceIdTheResponseCarries()
    {
        var logs = new LogCapture();
        await using var host = await TestBotHost.StartAsync(settings: ["Admin:ApiKey=k-123456"], configure: b =>
        {
            b.Services.AddSingleton<IAnnouncementLog>(new FailingLog());
            b.Logging.AddProvider(logs);
        });
        host.Client.DefaultRequestHeaders.Add("X-Admin-Key", "k-123456");

        var response = await host.Client.GetAsync("/api/admin/notifications");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body);
        var traceId = JsonDocument.Parse(body).RootElement.GetProperty("traceId").GetString()!;
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(traceId) && e.Exception is InvalidTimeZoneException);
    }

    private sealed class FailingLog : IAnnouncementLog
    {
        public IReadOnlyList<UpcomingAnnouncement> Upcoming(DateOnly from, DateOnly to) => throw new InvalidTimeZoneException("boom");
        public IReadOnlyList<DeliveryRecord> RecentDeliveries(int count) => throw new InvalidTimeZoneException("boom");
        public IReadOnlyList<SubscriptionRecord> Subscriptions() => throw new InvalidTimeZoneException("boom");
    }

    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose() { }

        private sealed class Logger(LogCapture capture) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Entries.Enqueue((logLevel, formatter(state, exception), exception));
        }
    }
}
