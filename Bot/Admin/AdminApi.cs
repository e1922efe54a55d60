using System.Security.Cryptography;
using System.Text;

namespace AnToan.Bot.Admin;

public static class AdminApi
{
    /// <summary>The group every admin endpoint hangs off: /api/admin, guarded by the X-Admin-Key header.</summary>
    /// <remarks>No key configured → 404 (the admin API does not exist); wrong or missing key → 401.</remarks>
    public static RouteGroupBuilder MapAdminApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/admin");
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var configured = http.RequestServices.GetRequiredService<IConfiguration>()["Admin:ApiKey"];
            if (string.IsNullOrEmpty(configured)) return Results.NotFound();
            if (!KeyMatches(http.Request.Headers["X-Admin-Key"].ToString(), configured)) return Results.Unauthorized();
            return await next(context);
        });
        return group;
    }

    /// <summary>Constant-time comparison of the presented key with the configured one.</summary>
    public static bool KeyMatches(string? presented, string configured) =>
        !string.IsNullOrEmpty(presented) &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}
