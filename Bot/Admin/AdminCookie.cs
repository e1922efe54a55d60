namespace AnToan.Bot.Admin;

/// <summary>The session cookie: its name and the options it is written with.</summary>
public static class AdminCookie
{
    public const string Name = "antoan_admin";

    /// <summary>HttpOnly (scripts never see it), SameSite=Strict (never sent by another site's page or form), Secure over HTTPS.</summary>
    /// <remarks>A browser-session cookie (no Expires): it goes when the browser closes, and the server ends the session
    /// after Admin:SessionLifetime whatever the browser keeps. HTTPS is taken from the connection or from a proxy's X-Forwarded-Proto. Trusting that header here is
    /// safe: a forged one can only add the Secure flag, never remove it.</remarks>
    public static CookieOptions For(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = IsHttps(request),
        Path = "/",
        IsEssential = true,
    };

    public static bool IsHttps(HttpRequest request) =>
        request.IsHttps || string.Equals(request.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim(), "https", StringComparison.OrdinalIgnoreCase);
}
