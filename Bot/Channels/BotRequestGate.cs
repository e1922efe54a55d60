using System.Globalization;
using System.IdentityModel.Tokens.Jwt;
using AnToan.Bot.Hosting;
using Newtonsoft.Json;

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

    /// <returns>Null when the body is not one well-formed JSON object.</returns>
    /// <remarks>Read as a stream of tokens, not into a JObject: the few values checked are picked up on the way,
    /// and no tree of the whole activity is built for every turn.</remarks>
    private static async Task<Checked?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            using var json = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            if (!json.Read() || json.TokenType != JsonToken.StartObject) return null;
            string? serviceUrl = null;
            var ids = new string?[IdPaths.Length];
            while (json.Read() && json.Depth > 0)
            {
                if (json.TokenType is JsonToken.StartObject or JsonToken.StartArray or JsonToken.PropertyName
                    or JsonToken.EndObject or JsonToken.EndArray or JsonToken.Comment) continue;
                var path = json.Path;
                if (path == "serviceUrl") serviceUrl = json.Value is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
                else if (Array.IndexOf(IdPaths, path) is var at and >= 0) ids[at] = json.Value as string;
            }
            // The object must be complete; what may follow it is not read (as JToken.ReadFrom did not).
            return json.TokenType == JsonToken.EndObject && json.Depth == 0 ? new Checked(serviceUrl, ids) : null;
        }
        catch (JsonReaderException)
        {
            return null;
        }
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
