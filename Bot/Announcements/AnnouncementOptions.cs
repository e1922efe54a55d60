using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace AnToan.Bot.Announcements;

/// <summary>Settings of the section <c>Announcements</c>; bound and validated at start-up.</summary>
public sealed class AnnouncementOptions : IValidatableObject
{
    public const string Section = "Announcements";

    /// <summary>The section's name before announcements had one word: still read, after <see cref="Section"/>, so the
    /// settings of a deployment made before the rename keep working over the shipped defaults.</summary>
    public const string FormerSection = "Notifications";

    /// <summary>Quartz cron of the delivery job, in Bot:TimeZone. Default every 15 minutes: "0 0/15 * * * ?".</summary>
    [Required] public string Cron { get; set; } = "0 0/15 * * * ?";

    /// <summary>Local time of day ("HH:mm") at which an announcement's day starts being due. Default "08:00".</summary>
    [Required] public string SendAt { get; set; } = "08:00";

    /// <summary>Local "HH:mm-HH:mm" during which nothing is sent; may wrap midnight; empty = none. Default "21:00-07:00".</summary>
    public string QuietHours { get; set; } = "21:00-07:00";

    /// <summary>How many days late an announcement may still go out after downtime; older ones are skipped. Default 3.</summary>
    [Range(0, 60)] public int GraceDays { get; set; } = 3;

    /// <summary>Sends per delivery within one run before it waits for the next run. Default 4.</summary>
    [Range(1, 20)] public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff after a transient failure without Retry-After; doubles each attempt. Default 2 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for one retry, Retry-After included. Default 1 minute.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages per second to one conversation (Teams allows about 7); 0 = no limit. Default 7.</summary>
    [Range(0, 10_000)] public double PerConversationPerSecond { get; set; } = 7;

    /// <summary>Messages per second overall (Teams allows about 50 per app); 0 = no limit. Default 50.</summary>
    [Range(0, 100_000)] public double OverallPerSecond { get; set; } = 50;

    /// <summary>With PostgreSQL: how long an instance's claim on a delivery holds without an outcome, after which another
    /// instance takes it over (the claimant is taken for dead). Longer than one conversation's sends with their
    /// retries. Default 10 minutes.</summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Conversations sent to at once. Default 8.</summary>
    [Range(1, 256)] public int Parallelism { get; set; } = 8;

    /// <summary>Channels on which adding the bot (Teams) or following the OA (Zalo) subscribes the conversation, with an
    /// easy opt-out. Set in appsettings.json (msteams, zalo): the configuration binder appends to an array's initial
    /// items, so a default here could never be switched off.</summary>
    public string[] AutoSubscribeChannels { get; set; } = [];

    /// <summary>How long to wait before sending again after transient failure number <paramref name="attempt"/>:
    /// Retry-After when the channel said, else <see cref="RetryDelay"/> doubled each attempt, at most
    /// <see cref="MaxRetryDelay"/>.</summary>
    /// <returns>null when it is not worth waiting: the attempts ran out, or the channel asked for longer than MaxRetryDelay.</returns>
    public TimeSpan? BackoffAfter(int attempt, TimeSpan? retryAfter)
    {
        if (attempt >= MaxAttempts || retryAfter > MaxRetryDelay) return null;
        var delay = retryAfter ?? RetryDelay * Math.Pow(2, attempt - 1);
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }

    public TimeOnly SendAtTime() => TimeOnly.ParseExact(SendAt, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="local"/> falls in the quiet hours.</summary>
    public bool IsQuiet(TimeOnly local) =>
        ParseQuietHours(QuietHours) is var (from, to) && (from <= to ? local >= from && local < to : local >= from || local < to);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeOnly.TryParseExact(SendAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            yield return new ValidationResult($"{Section}:SendAt must be HH:mm, not '{SendAt}'.");
        if (!string.IsNullOrWhiteSpace(QuietHours) && ParseQuietHours(QuietHours) is null)
            yield return new ValidationResult($"{Section}:QuietHours must be HH:mm-HH:mm or empty, not '{QuietHours}'.");
        if (!Quartz.CronExpression.TryParse(Cron, out _))
            yield return new ValidationResult($"{Section}:Cron is not a valid Quartz cron expression: '{Cron}'.");
        if (RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay)
            yield return new ValidationResult($"{Section}:RetryDelay must be positive and not above MaxRetryDelay.");
        if (DeliveryLease <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:DeliveryLease must be positive.");
    }

    private static (TimeOnly From, TimeOnly To)? ParseQuietHours(string? value)
    {
        var parts = value?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not [var a, var b]) return null;
        return TimeOnly.TryParseExact(a, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && TimeOnly.TryParseExact(b, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            ? (from, to) : null;
    }
}
