using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Admin;

/// <summary>Who may use the admin API: the X-Admin-Key header, or the session cookie of a login.</summary>
public sealed class AdminAuth(IOptions<AdminOptions> options, AdminSessions sessions)
{
    public const string KeyHeader = "X-Admin-Key";

    /// <summary>The header the page sends with every state-changing call; another site's form cannot send it.</summary>
    public const string CsrfHeader = "X-Requested-With";

    public bool Enabled => options.Value.Enabled;

    /// <summary>Constant-time comparison of the presented key with the configured one.</summary>
    public bool KeyMatches(string? presented) =>
        Enabled && !string.IsNullOrEmpty(presented) &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ApiKey)));

    public AdminSession? SessionOf(HttpRequest request) => Enabled ? sessions.Find(request.Cookies[AdminCookie.Name]) : null;

    /// <summary>A cookie-authenticated call that changes something must come from our own page.</summary>
    /// <remarks>SameSite=Strict already keeps the cookie off cross-site requests; the custom header (which a cross-site
    /// request could only send after a CORS preflight we never grant) and the Origin check are the second line.</remarks>
    public static bool IsSameOriginCall(HttpRequest request) =>
        !string.IsNullOrEmpty(request.Headers[CsrfHeader].ToString()) && OriginMatches(request);

    /// <summary>An Origin header, when a browser sends one, names this host.</summary>
    public static bool OriginMatches(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin)) return true;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) &&
            string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsSafeMethod(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
}
