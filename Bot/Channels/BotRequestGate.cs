using System.Buffers;
using System.IdentityModel.Tokens.Jwt;
using AnToan.Bot.Hosting;
using System.Text;
using System.Text.Json;

namespace AnToan.Bot.Channels;

/// <summary>What /api/messages checks before the SDK reads the request, so that nothing it cannot use reaches the
/// adapter (whose errors would be 500s) and nothing is stored under an id no index can hold.</summary>
/// <remarks>
/// While MicrosoftAppId is empty anyone's word is taken for who and where they are: such requests are for the
/// Emulator and the Agents Playground on this machine, and are accepted from loopback clients only unless
/// Bot:AllowAnonymousRemoteClients is true (the contract in README, Configuration). A token that is not even a readable JWT is 401 at once; a
/// readable one is left to the SDK. The activity must be a JSON object with an absolute http(s) serviceUrl, and its
/// ids at most <see cref="MaxIdLength"/> characters.
/// </remarks>
public sealed class BotRequestGate(IConfiguration configuration, ILogger<BotRequestGate> logger)
{
    private const int MaxIdLength = Storage.StorageKey.MaxIdLength;

    private static readonly string[] IdPaths = ["id", "replyToId", "channelId", "conversation.id", "from.id", "recipient.id"];

    private readonly bool _anonymous = string.IsNullOrEmpty(configuration["MicrosoftAppId"]);
    private readonly bool _remoteClientsAllowed = configuration.GetValue("Bot:AllowAnonymousRemoteClients", false);

    /// <returns>The refusal, or null when the request may go to the adapter (its body rewound).</returns>
    public async Task<IResult?> CheckAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (_anonymous && !_remoteClientsAllowed && !ClientAddress.IsLoopback(http))
        {
            logger.LogWarning("Anonymous Bot Framework request from {Client} refused: set MicrosoftAppId, or Bot:AllowAnonymousRemoteClients",
                http.Connection.RemoteIpAddress);
            return Refuse(StatusCodes.Status403Forbidden,
                "Without MicrosoftAppId, /api/messages accepts requests from this machine only (Bot:AllowAnonymousRemoteClients).");
        }
        if (http.Request.Headers.Authorization.Count > 0 && !IsReadableBearer(http.Request.Headers.Authorization.ToString()))
            return Refuse(StatusCodes.Status401Unauthorized, "The Authorization header is not a readable bearer token.");

        http.Request.EnableBuffering();
        var activity = await ReadAsync(http.Request.Body, cancellationToken);
        http.Request.Body.Position = 0;
        if (activity is null) return Refuse(StatusCodes.Status400BadRequest, "The body is not a JSON activity.");
        if (!IsHttpUrl(activity.ServiceUrl))
            return Refuse(StatusCodes.Status400BadRequest, "serviceUrl is required, as an absolute http(s) URL.");
        for (var i = 0; i < IdPaths.Length; i++)
            if (activity.Ids[i] is { Length: > MaxIdLength })
                return Refuse(StatusCodes.Status400BadRequest, $"{IdPaths[i]} is longer than {MaxIdLength} characters.");
        return null;
    }

    private static IResult Refuse(int status, string detail) => Results.Problem(detail, statusCode: status);

    /// <summary>What the gate checks of an activity: its serviceUrl and the string values at <see cref="IdPaths"/>
    /// (the last one when a name is repeated, as a JSON object keeps it).</summary>
    private sealed record Checked(string? ServiceUrl, string?[] Ids);

    private static readonly JsonDocumentOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64,
    };

    /// <returns>Null when the body is not one well-formed JSON object.</returns>
    /// <remarks>The body's UTF-8 is read into a pooled buffer and parsed as a <see cref="JsonDocument"/> (its index of
    /// the tokens is pooled too): no string of the whole body and no tree of objects is made for every turn (the SDK
    /// reads the activity itself afterwards).</remarks>
    private static async Task<Checked?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length < buffer.Length) continue;
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            var json = buffer.AsMemory(0, length);
            if (json.Span.StartsWith(Encoding.UTF8.Preamble)) json = json[Encoding.UTF8.Preamble.Length..];
            using var document = JsonDocument.Parse(json, ReaderOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
            return new Checked(StringAt(document.RootElement, "serviceUrl"), [.. IdPaths.Select(p => StringAt(document.RootElement, p))]);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string no .NET string can hold (a lone surrogate escaped in an id).
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The string at a dotted path ("conversation.id"), or null.</summary>
    private static string? StringAt(JsonElement element, string path)
    {
        foreach (var name in path.Split('.'))
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsReadableBearer(string header)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            new JwtSecurityTokenHandler().ReadJwtToken(header[scheme.Length..].Trim());
            return true;
        }
        catch (Exception)
        {
            // Whatever the token library throws on garbage (IDX12729 and the like): not a token.
            return false;
        }
    }
}
