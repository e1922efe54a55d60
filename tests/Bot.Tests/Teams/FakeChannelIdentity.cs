using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AnToan.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace AnToan.Bot.Tests.Teams;

/// <summary>The Bot Framework's token issuer, faked on 127.0.0.1: an OpenID configuration and a key set whose one
/// key is endorsed for msteams, and channel tokens signed with that key.</summary>
/// <remarks>The SDK fetches the OpenID configuration through an HttpDocumentRetriever that requires https, with its
/// own static HttpClient: so the fake serves https with a self-signed certificate that is trusted, for the test's
/// duration, through the current user's root store (on Linux .NET reads it in addition to the system's).
/// One certificate serves every fake of the test run, trusted once: .NET on Linux re-reads that store at most every
/// few seconds, so a certificate trusted just before a fetch may not be trusted yet (the SDK then fails the request
/// with a 500 instead of judging the token). <see cref="StartAsync"/> returns once this process trusts it.</remarks>
internal sealed class FakeChannelIdentity : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    private const string KeyId = "antoan-test-key";
    private const string SubjectPrefix = "CN=AnToan.Bot test OpenID issuer";

    /// <summary>Names this test process: test runs side by side (two suites on one machine) each keep their own.</summary>
    private static readonly string CertificateSubject = $"{SubjectPrefix} {Environment.ProcessId}";

    private static readonly Lazy<X509Certificate2> TlsCertificate = new(TrustForThisRun);

    private readonly RSA _signingKey = RSA.Create(2048);
    private LoopbackServer _server = null!;

    public string MetadataUrl { get; private set; } = "";

    /// <summary>The settings that point ConfigurationBotFrameworkAuthentication at this fake.</summary>
    public IEnumerable<string> BotSettings(string appId) =>
    [
        $"MicrosoftAppId={appId}",
        "MicrosoftAppPassword=not-used-with-expect-replies",
        $"ToBotFromChannelOpenIdMetadataUrl={MetadataUrl}",
        $"ToBotFromChannelTokenIssuer={Issuer}",
        $"ToBotFromEmulatorOpenIdMetadataUrl={MetadataUrl}",
        "ToChannelFromBotLoginUrl=https://login.microsoftonline.com/botframework.com",
        "ToChannelFromBotOAuthScope=https://api.botframework.com",
        "OAuthUrl=https://api.botframework.com",
        "CallerId=urn:botframework:azure",
    ];

    public static async Task<FakeChannelIdentity> StartAsync()
    {
        var fake = new FakeChannelIdentity();
        fake._server = await LoopbackServer.StartAsync(app => fake.Map(app), TlsCertificate.Value);
        fake.MetadataUrl = $"{fake._server.Address}/v1/.well-known/openidconfiguration";
        await WaitUntilTrustedAsync(fake.MetadataUrl);
        return fake;
    }

    /// <summary>Waits (at most 30 s) until an https request of this process, validated as the SDK's are, accepts the fake.</summary>
    private static async Task WaitUntilTrustedAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { } // not trusted yet
            catch (TaskCanceledException) { }
        }
        throw new TimeoutException($"The test certificate of {url} was still not trusted after 30 s.");
    }

    /// <summary>The run's certificate, trusted until the process exits (and any left by a crashed run removed first).</summary>
    private static X509Certificate2 TrustForThisRun()
    {
        RemoveTrust(LeftByAnEndedRun);
        var certificate = CreateTlsCertificate();
        Trust(certificate);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveTrust(c => c.Subject == CertificateSubject);
        return certificate;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext c) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Base(c)}/v1/authorize",
            ["jwks_uri"] = $"{Base(c)}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            var p = _signingKey.ExportParameters(false);
            return Results.Json(new { keys = new[] { new
            {
                kty = "RSA", use = "sig", kid = KeyId,
                n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent),
                endorsements = new[] { "msteams" },
            } } });
        });
    }

    private static string Base(HttpContext c) => $"https://{c.Request.Host}";

    /// <summary>A channel token as the Bot Connector sends it: issued by the channel, for the bot's app id, bound to the service URL.</summary>
    public string Token(string appId, string serviceUrl, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        var handler = new JwtSecurityTokenHandler();
        var token = handler.CreateJwtSecurityToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = appId,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            NotBefore = now.AddMinutes(-10),
            IssuedAt = now.AddMinutes(-10),
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(30)),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_signingKey) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
        return handler.WriteToken(token);
    }

    /// <summary>A token with the right claims signed by a key the issuer never published.</summary>
    public static string ForgedToken(string appId, string serviceUrl)
    {
        using var other = RSA.Create(2048);
        var handler = new JwtSecurityTokenHandler();
        return handler.WriteToken(handler.CreateJwtSecurityToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = appId,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(other) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        }));
    }

    private static X509Certificate2 CreateTlsCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(CertificateSubject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Re-import so the private key is usable by Kestrel on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    private static void Trust(X509Certificate2 certificate)
    {
        using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)));
    }

    private static void RemoveTrust(Func<X509Certificate2, bool> which)
    {
        using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        foreach (var certificate in store.Certificates)
            if (certificate.Subject.StartsWith(SubjectPrefix, StringComparison.Ordinal) && which(certificate)) store.Remove(certificate);
    }

    /// <summary>A certificate of a run that crashed before it could remove its own (its process is gone).</summary>
    private static bool LeftByAnEndedRun(X509Certificate2 certificate)
    {
        if (!int.TryParse(certificate.Subject[SubjectPrefix.Length..], out var pid)) return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _signingKey.Dispose();
    }
}
