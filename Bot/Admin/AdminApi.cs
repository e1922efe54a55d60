namespace AnToan.Bot.Admin;

public static class AdminApi
{
    /// <summary>The group every admin endpoint hangs off: /api/admin, for the X-Admin-Key header or the login cookie.</summary>
    /// <remarks>No key configured → 404 (the admin API does not exist); no or wrong credentials → 401 (wrong keys in the header count towards the login throttle: 429 once
    /// it blocks the address); a cookie call
    /// that changes something without the page's header or from another origin → 403. Every call that changes
    /// something is audited; endpoints that record a more telling entry themselves are not recorded twice.</remarks>
    public static RouteGroupBuilder MapAdminApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/admin");
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var auth = http.RequestServices.GetRequiredService<AdminAuth>();
            if (!auth.Enabled) return Results.NotFound();
            var key = http.Request.Headers[AdminAuth.KeyHeader].ToString();
            if (key.Length > 0)
            {
                // A key in the header is counted like one typed in the login form: wrong ones block the address.
                var throttle = http.RequestServices.GetRequiredService<LoginThrottle>();
                if (throttle.Refuses(http, "api-key")) return Results.StatusCode(StatusCodes.Status429TooManyRequests);
                if (!auth.KeyMatches(key))
                {
                    throttle.WrongKey(http, "api-key");
                    return Results.Unauthorized();
                }
                throttle.RightKey(http);
                AdminActor.Set(http, AdminActor.ApiKey);
            }
            else if (auth.SessionOf(http.Request) is { } session)
            {
                AdminActor.Set(http, AdminActor.ForSession(session));
                if (!AdminAuth.IsSafeMethod(http.Request.Method) && !AdminAuth.IsSameOriginCall(http.Request)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            else return Results.Unauthorized();

            var result = await next(context);
            if (!AdminAuth.IsSafeMethod(http.Request.Method) && !AdminAudit.WasRecorded(http))
                http.RequestServices.GetRequiredService<AdminAudit>().Record(http,
                    $"{http.Request.Method} {http.Request.Path}", detail: http.Request.QueryString.HasValue ? http.Request.QueryString.Value : null);
            return result;
        });
        return group;
    }
}
