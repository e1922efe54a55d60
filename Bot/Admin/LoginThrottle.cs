using System.Globalization;
using AnToan.Bot.Hosting;
using AnToan.Dialogs.Throttling;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Admin;

/// <summary>Refuses the admin key from an address (IPv6: its /64) that gave too many wrong keys lately, on the login
/// form and in the X-Admin-Key header alike, so the key cannot be guessed at speed.</summary>
/// <remarks>Wrong keys are audited one by one (at most Admin:MaxFailedLogins a window); refused attempts are not:
/// the first refusal of a window is recorded, and how many followed it goes into the next record for that address.
/// So a client hammering the form cannot grow the audit collection or the log. Counted in the
/// <see cref="IThrottleCounters"/> every instance shares: wrong keys spread over several instances block the address
/// on all of them.</remarks>
public sealed class LoginThrottle(IOptions<AdminOptions> options, IThrottleCounters counters, TimeProvider time, AdminAudit audit)
    : FailureThrottle(counters, "admin-login", options.Value.MaxFailedLogins, options.Value.LoginWindow, time)
{
    /// <summary>When the client's address is blocked: counts the attempt, sets Retry-After, and records it only if it
    /// is the first refusal of the window.</summary>
    /// <returns>true when the attempt is refused.</returns>
    public bool Refuses(HttpContext http, string action)
    {
        var address = ClientAddress.KeyOf(http);
        if (BlockedFor(address) is not { } wait) return false;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (Refused(address) == 1)
            audit.Record(http, action, succeeded: false,
                detail: $"too many failed attempts from {address}: refused for {wait:hh\\:mm\\:ss}; further attempts are counted, not recorded");
        return true;
    }

    /// <summary>Counts and records a wrong key.</summary>
    public void WrongKey(HttpContext http, string action) =>
        audit.Record(http, action, succeeded: false, detail: WithRefusals("wrong key", Failed(ClientAddress.KeyOf(http))));

    /// <summary>Forgets the address's failures.</summary>
    /// <returns>What to add to the record of the success: the attempts refused before it, if any.</returns>
    public string? RightKey(HttpContext http) => WithRefusals(null, Succeeded(ClientAddress.KeyOf(http)));

    private static string? WithRefusals(string? detail, int refused) =>
        refused == 0 ? detail : $"{(detail is null ? "" : detail + "; ")}{refused} attempts refused in the window before";
}
