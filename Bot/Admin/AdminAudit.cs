namespace AnToan.Bot.Admin;

/// <summary>One admin action: what, by whom ("session:&lt;id&gt;", "api-key" or "anonymous"), from where, when.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Action, string Who, string RemoteIp, bool Succeeded, string? Detail);

/// <summary>Every admin action goes to the log (as a message template) and to the audit store the page shows.</summary>
public sealed class AdminAudit(IAuditStore store, TimeProvider time, ILogger<AdminAudit> logger)
{
    /// <summary>Longest detail kept: a content error's reason, a query string.</summary>
    private const int MaxDetail = 500;

    public void Record(HttpContext http, string action, bool succeeded = true, string? detail = null)
    {
        var who = AdminActor.Of(http);
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "";
        detail = detail is { Length: > MaxDetail } ? detail[..MaxDetail] : detail;
        var now = time.GetUtcNow();
        logger.LogInformation("Admin {Action} by {Who} from {RemoteIp} at {At}: {Outcome} {Detail}",
            action, who, ip, now, succeeded ? "ok" : "refused", detail);
        store.Add(new AuditEntry(now, action, who, ip, succeeded, detail));
        http.Items[AuditedKey] = true;
    }

    /// <summary>Whether this request already recorded its action (so the API's catch-all does not record it twice).</summary>
    public static bool WasRecorded(HttpContext http) => http.Items.ContainsKey(AuditedKey);

    /// <summary>The latest entries, newest first.</summary>
    public IReadOnlyList<AuditEntry> Latest(int count) => store.Latest(count);

    private static readonly object AuditedKey = new();
}

/// <summary>Who made an admin request, as the authentication found it.</summary>
public static class AdminActor
{
    private static readonly object Key = new();

    public const string ApiKey = "api-key";
    public const string Anonymous = "anonymous";

    public static void Set(HttpContext http, string who) => http.Items[Key] = who;

    public static string Of(HttpContext http) => http.Items.TryGetValue(Key, out var who) && who is string s ? s : Anonymous;

    public static string ForSession(AdminSession session) => $"session:{session.Id}";
}
