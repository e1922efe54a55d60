using Microsoft.Extensions.FileProviders;

namespace AnToan.Bot.Admin;

/// <summary>The admin page at /admin, its login form and logout.</summary>
/// <remarks>The HTML documents are served only through these endpoints, never as static files: the dashboard needs a
/// session, and the login form is sent back with an error code that the page itself turns into words.</remarks>
public static class AdminPages
{
    private const string Dashboard = "admin/dashboard.html";
    private const string LoginForm = "admin/login.html";
    private const int MaxKeyLength = 500;

    /// <summary>Runs before the static files: without a key /admin does not exist, and the documents are not files.</summary>
    public static void UseAdminPages(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/admin", out var rest))
            {
                if (!http.RequestServices.GetRequiredService<AdminAuth>().Enabled ||
                    rest.Value?.EndsWith(".html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                http.Response.Headers["X-Frame-Options"] = "DENY";
                // Not "no-referrer": with it browsers send "Origin: null" on our own form posts, which the origin check refuses.
                http.Response.Headers["Referrer-Policy"] = "same-origin";
                http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
            }
            await next(http);
        });
    }

    public static void MapAdminPages(this WebApplication app)
    {
        app.MapGet("/admin", (HttpContext http, AdminAuth auth, IWebHostEnvironment env) =>
            auth.SessionOf(http.Request) is null ? Results.Redirect("/admin/login") : Page(env, Dashboard));

        app.MapGet("/admin/login", (HttpContext http, AdminAuth auth, IWebHostEnvironment env) =>
            auth.SessionOf(http.Request) is null ? Page(env, LoginForm) : Results.Redirect("/admin"));

        app.MapPost("/admin/login", async (HttpContext http, AdminAuth auth, AdminSessions sessions, LoginThrottle throttle, AdminAudit audit, IWebHostEnvironment env) =>
        {
            if (!AdminAuth.OriginMatches(http.Request) || !http.Request.HasFormContentType) return Results.BadRequest();
            if (throttle.Refuses(http, "login")) return Page(env, LoginForm, "rate", StatusCodes.Status429TooManyRequests);
            if (await ReadKeyAsync(http) is not { } key) return Results.Problem("The form could not be read.", statusCode: StatusCodes.Status400BadRequest);
            if (key.Length > MaxKeyLength || !auth.KeyMatches(key))
            {
                throttle.WrongKey(http, "login");
                return Page(env, LoginForm, "key", StatusCodes.Status401Unauthorized);
            }
            var detail = throttle.RightKey(http);
            var (token, session) = sessions.Create();
            http.Response.Cookies.Append(AdminCookie.Name, token, AdminCookie.For(http.Request));
            AdminActor.Set(http, AdminActor.ForSession(session));
            audit.Record(http, "login", detail: detail);
            return Results.Redirect("/admin");
        });

        app.MapPost("/admin/logout", (HttpContext http, AdminAuth auth, AdminSessions sessions, AdminAudit audit) =>
        {
            if (!AdminAuth.OriginMatches(http.Request)) return Results.BadRequest();
            if (auth.SessionOf(http.Request) is { } session)
            {
                AdminActor.Set(http, AdminActor.ForSession(session));
                sessions.End(http.Request.Cookies[AdminCookie.Name]);
                audit.Record(http, "logout");
            }
            http.Response.Cookies.Delete(AdminCookie.Name, AdminCookie.For(http.Request));
            return Results.Redirect("/admin/login");
        });
    }

    /// <returns>The key typed in the form; null when the body is not a readable form (a broken multipart body,
    /// a key with control characters).</returns>
    private static async Task<string?> ReadKeyAsync(HttpContext http)
    {
        try
        {
            var key = (await http.Request.ReadFormAsync(http.RequestAborted))["key"].ToString();
            return key.Any(char.IsControl) ? null : key;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }

    /// <param name="error">A code the page shows in words ("key", "rate"); never text from the request.</param>
    private static IResult Page(IWebHostEnvironment env, string path, string error = "", int status = StatusCodes.Status200OK)
    {
        var file = env.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists) return Results.NotFound();
        var html = ReadAll(file).Replace("data-error=\"\"", $"data-error=\"{error}\"", StringComparison.Ordinal);
        return new PageResult(html, status);
    }

    private static string ReadAll(IFileInfo file)
    {
        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    }

    private sealed class PageResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.Headers.CacheControl = "no-store";
            http.Response.ContentType = "text/html; charset=utf-8";
            return http.Response.WriteAsync(html, http.RequestAborted);
        }
    }
}
