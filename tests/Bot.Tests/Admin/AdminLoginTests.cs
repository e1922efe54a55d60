using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AnToan.Bot.Admin;
using Microsoft.AspNetCore.Hosting;

namespace AnToan.Bot.Tests.Admin;

/// <summary>Login, the session cookie, and who gets what without one.</summary>
public sealed class AdminLoginTests
{
    [Fact]
    public async Task Login_WithTheKey_SetsAStrictHttpOnlyCookie_ThatOpensThePageAndTheApi()
    {
        await using var admin = await AdminHost.StartAsync();
        var cookies = new CookieContainer();
        using var client = admin.NewBrowserlikeClient(cookies);

        var login = await AdminHost.LoginAsync(client, AdminHost.Key);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/admin", login.Headers.Location?.ToString());
        var cookie = AdminHost.SessionCookie(login);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
        Assert.False(cookie.Secure); // plain HTTP here; see the HTTPS tests
        Assert.Equal("/", cookie.Path.ToString());
        Assert.Null(cookie.Expires); // gone with the browser; the server ends it after 8 hours anyway
        Assert.DoesNotContain(AdminHost.Key, cookie.Value.ToString());

        var page = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("units-table", await page.Content.ReadAsStringAsync());
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/login")).StatusCode); // already signed in
    }

    [Fact]
    public async Task Login_BehindAnHttpsProxy_MarksTheCookieSecure()
    {
        await using var admin = await AdminHost.StartAsync();
        using var client = admin.NewBrowserlikeClient();

        var login = await AdminHost.LoginAsync(client, AdminHost.Key, r => r.Headers.Add("X-Forwarded-Proto", "https"));

        Assert.True(AdminHost.SessionCookie(login).Secure);
    }

    [Fact]
    public async Task Login_OverHttps_MarksTheCookieSecure()
    {
        using var cert = SelfSigned();
        await using var admin = await AdminHost.StartAsync(["urls=https://127.0.0.1:0"],
            configure: b => b.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = cert)));
        Assert.Equal("https", admin.BaseAddress.Scheme);
        using var client = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == cert.Thumbprint,
        }) { BaseAddress = admin.BaseAddress };

        var login = await AdminHost.LoginAsync(client, AdminHost.Key);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = AdminHost.SessionCookie(login);
        Assert.True(cookie.Secure);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
    }

    [Fact]
    public async Task WrongKey_ShowsTheFormAgainWithAnError_AndTooManyAreRefusedForAWhile()
    {
        await using var admin = await AdminHost.StartAsync();
        using var client = admin.NewBrowserlikeClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await AdminHost.LoginAsync(client, "not-the-key");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.False(wrong.Headers.Contains("Set-Cookie"));
            var form = await wrong.Content.ReadAsStringAsync();
            Assert.Contains("data-error=\"key\"", form);
            Assert.Contains("name=\"key\"", form);
        }

        var refused = await AdminHost.LoginAsync(client, AdminHost.Key); // even the right key, while blocked
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("data-error=\"rate\"", await refused.Content.ReadAsStringAsync());

        admin.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Redirect, (await AdminHost.LoginAsync(client, AdminHost.Key)).StatusCode);
    }

    [Fact]
    public async Task WithoutCredentials_TheApiSays401_AndThePageRedirectsToLogin()
    {
        // More wrong keys than the throttle allows come from this one address (see AdminThrottleTests).
        await using var admin = await AdminHost.StartAsync(["Admin:MaxFailedLogins=100"]);
        using var anonymous = admin.NewBrowserlikeClient();
        using var wrongKey = new HttpClient { BaseAddress = admin.BaseAddress };
        wrongKey.DefaultRequestHeaders.Add("X-Admin-Key", AdminHost.Key + "x");
        var forgedCookie = new CookieContainer();
        forgedCookie.Add(admin.BaseAddress, new Cookie(AdminCookie.Name, "forged-token"));
        using var forged = admin.NewBrowserlikeClient(forgedCookie);

        foreach (var path in new[] { "/api/admin/units", "/api/admin/units/u1", "/api/admin/overview", "/api/admin/questions", "/api/admin/notifications", "/api/admin/announcements/report", "/api/admin/audit", "/api/admin/export/units.xlsx" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/admin/content/reload", null)).StatusCode);

        foreach (var client in new[] { anonymous, forged })
        {
            var page = await client.GetAsync("/admin");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/admin/login", page.Headers.Location?.ToString());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/admin/dashboard.html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/admin/login")).StatusCode);
    }

    [Fact]
    public async Task WithoutAConfiguredKey_TheAdminPageAndApiDoNotExist()
    {
        await using var admin = await AdminHost.StartAsync(key: null);
        using var client = admin.NewBrowserlikeClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", "");

        foreach (var path in new[] { "/admin", "/admin/login", "/admin/admin.js", "/admin/admin.css", "/api/admin/units", "/api/admin/overview" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AdminHost.LoginAsync(client, "")).StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession_AndTheSessionExpiresOnItsOwn()
    {
        await using var admin = await AdminHost.StartAsync();
        var cookies = new CookieContainer();
        using var client = admin.NewBrowserlikeClient(cookies);
        await AdminHost.LoginAsync(client, AdminHost.Key);
        var token = cookies.GetCookies(admin.BaseAddress)[AdminCookie.Name]!.Value;

        var logout = await client.PostAsync("/admin/logout", null);
        Assert.Equal("/admin/login", logout.Headers.Location?.ToString());

        // The old token, replayed, opens nothing.
        using var replay = new HttpClient { BaseAddress = admin.BaseAddress };
        replay.DefaultRequestHeaders.Add("Cookie", $"{AdminCookie.Name}={token}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/admin/units")).StatusCode);

        await AdminHost.LoginAsync(client, AdminHost.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/units")).StatusCode);
        admin.Time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/admin/units")).StatusCode);
    }

    [Fact]
    public async Task CookieCallsThatChangeSomething_NeedThePagesHeader_AndOurOrigin()
    {
        await using var admin = await AdminHost.StartAsync();
        using var client = admin.NewBrowserlikeClient();
        await AdminHost.LoginAsync(client, AdminHost.Key);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/admin/content/reload", null)).StatusCode);

        var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/admin/content/reload");
        foreign.Headers.Add("X-Requested-With", "fetch");
        foreign.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(foreign)).StatusCode);

        var own = new HttpRequestMessage(HttpMethod.Post, "/api/admin/content/reload");
        own.Headers.Add("X-Requested-With", "fetch");
        own.Headers.Add("Origin", admin.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(own)).StatusCode);

        // The key needs no such header: it is not sent by browsers on their own.
        using var keyClient = admin.KeyClient();
        Assert.Equal(HttpStatusCode.OK, (await keyClient.PostAsync("/api/admin/content/reload", null)).StatusCode);

        // A login form posted from another site is refused too.
        Assert.Equal(HttpStatusCode.BadRequest,
            (await AdminHost.LoginAsync(admin.NewBrowserlikeClient(), AdminHost.Key, r => r.Headers.Add("Origin", "https://evil.example"))).StatusCode);
    }

    [Fact]
    public async Task AdminActions_AreAudited_WithWhoFromWhereAndWhen()
    {
        await using var admin = await AdminHost.StartAsync();
        using var client = admin.NewBrowserlikeClient();
        await AdminHost.LoginAsync(client, "wrong");
        await AdminHost.LoginAsync(client, AdminHost.Key);
        admin.Time.Advance(TimeSpan.FromMinutes(3));
        var reload = new HttpRequestMessage(HttpMethod.Post, "/api/admin/content/reload");
        reload.Headers.Add("X-Requested-With", "fetch");
        await client.SendAsync(reload);
        using var keyClient = admin.KeyClient();
        await keyClient.GetAsync("/api/admin/export/units.xlsx");
        await client.PostAsync("/admin/logout", null);

        var entries = await keyClient.GetFromJsonAsync<List<AuditEntry>>("/api/admin/audit");

        Assert.Equal(["logout", "export", "content-reload", "login", "login"], entries!.Select(e => e.Action));
        Assert.All(entries!, e => Assert.Equal("127.0.0.1", e.RemoteIp));
        var session = entries![0].Who;
        Assert.Matches("^session:[0-9a-f]{12}$", session);
        Assert.Equal([session, "api-key", session, session, "anonymous"], entries.Select(e => e.Who));
        Assert.Equal([true, true, true, true, false], entries.Select(e => e.Succeeded));
        Assert.Equal(AdminHost.Start.AddMinutes(3), entries[2].At);
        Assert.Equal(AdminHost.Start, entries[3].At);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}
