using System.Net;
using System.Net.Http.Json;
using AnToan.Bot.Admin;

namespace AnToan.Bot.Tests.Admin;

/// <summary>Wrong admin keys, typed in the login form or sent in X-Admin-Key, block the address (IPv6: its /64) for a
/// while, and a client hammering either cannot grow the audit collection.</summary>
public sealed class AdminThrottleTests
{
    private static Action<HttpRequestMessage> From(string address) => r => r.Headers.Add("X-Forwarded-For", address);

    private static async Task<List<AuditEntry>> AuditAsync(AdminHost admin)
    {
        using var keyClient = admin.KeyClient();
        return (await keyClient.GetFromJsonAsync<List<AuditEntry>>("/api/admin/audit?count=1000"))!;
    }

    private static async Task<HttpResponseMessage> ApiAsync(AdminHost admin, string key, string address)
    {
        using var client = new HttpClient { BaseAddress = admin.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/overview");
        request.Headers.Add("X-Admin-Key", key);
        From(address)(request);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task ThrottledLogins_AreCounted_NotRecordedOneByOne()
    {
        await using var admin = await AdminHost.StartAsync();
        using var client = admin.NewBrowserlikeClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await AdminHost.LoginAsync(client, "x", From("203.0.113.7"))).StatusCode);

        for (var i = 0; i < 50; i++)
        {
            var refused = await AdminHost.LoginAsync(client, "x", From("203.0.113.7"));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        }

        var logins = (await AuditAsync(admin)).Where(e => e.Action == "login").ToList();
        Assert.Equal(6, logins.Count); // five wrong keys and the first refusal
        Assert.All(logins, e => Assert.False(e.Succeeded));

        // The next window's first record says how many were refused in the one before.
        admin.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Unauthorized, (await AdminHost.LoginAsync(client, "x", From("203.0.113.7"))).StatusCode);
        var latest = (await AuditAsync(admin)).First(e => e.Action == "login");
        Assert.Contains("50 attempts refused", latest.Detail);
    }

    [Fact]
    public async Task WrongApiKeys_BlockTheAddress_With429AndRetryAfter_AndAreRecordedInAggregate()
    {
        await using var admin = await AdminHost.StartAsync();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await ApiAsync(admin, "guess-" + i, "198.51.100.9")).StatusCode);

        for (var i = 0; i < 30; i++)
        {
            var refused = await ApiAsync(admin, "guess-x" + i, "198.51.100.9");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
        }
        // While blocked even the right key is refused from there; another address is not affected.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ApiAsync(admin, AdminHost.Key, "198.51.100.9")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(admin, AdminHost.Key, "198.51.100.10")).StatusCode);

        var refusals = (await AuditAsync(admin)).Where(e => e.Action == "api-key").ToList();
        Assert.Equal(6, refusals.Count);
        Assert.All(refusals, e => Assert.Equal("198.51.100.9", e.RemoteIp));

        admin.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(admin, AdminHost.Key, "198.51.100.9")).StatusCode);
    }

    [Fact]
    public async Task WrongKeys_FromOneIpv6Slash64_AreCountedTogether()
    {
        await using var admin = await AdminHost.StartAsync();
        using var client = admin.NewBrowserlikeClient();
        for (var i = 1; i <= 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await AdminHost.LoginAsync(client, "x", From($"2001:db8:7:9::{i:x}"))).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await AdminHost.LoginAsync(client, AdminHost.Key, From("2001:db8:7:9:ffff::1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminHost.LoginAsync(client, AdminHost.Key, From("2001:db8:7:a::1"))).StatusCode);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nabc")]
    [InlineData("multipart/form-data; boundary=zz", "garbage without any boundary")]
    [InlineData("application/x-www-form-urlencoded", "key=%00")]
    public async Task UnreadableLoginForms_Are400(string contentType, string body)
    {
        await using var admin = await AdminHost.StartAsync();
        using var client = admin.NewBrowserlikeClient();
        var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await client.PostAsync("/admin/login", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
