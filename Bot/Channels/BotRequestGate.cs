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

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64,
    };

    /// <returns>Null when the body is not one well-formed JSON object.</returns>
    /// <remarks>The body is read into a pooled buffer and its UTF-8 scanned as tokens: the few values checked are
    /// picked up on the way, and neither a string of the whole body nor a tree of the activity is made for every
    /// turn (the SDK reads the activity itself afterwards).</remarks>
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
            return Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The checked paths, index 0 serviceUrl and then the <see cref="IdPaths"/>, as they are matched in the
    /// UTF-8 of the body: the index in <see cref="Parents"/> of the top-level object holding the value (-1: the
    /// activity itself), and the value's name.</summary>
    private static readonly (int Parent, byte[] Name)[] Paths;

    private static readonly byte[][] Parents;

    static BotRequestGate()
    {
        var paths = new[] { "serviceUrl" }.Concat(IdPaths).Select(p => p.Split('.')).ToList();
        var parents = paths.Where(p => p.Length == 2).Select(p => p[0]).Distinct().ToList();
        Parents = parents.Select(Encoding.UTF8.GetBytes).ToArray();
        Paths = paths.Select(p => p.Length == 1 ? (-1, Encoding.UTF8.GetBytes(p[0])) : (parents.IndexOf(p[0]), Encoding.UTF8.GetBytes(p[1]))).ToArray();
    }

    private static int ParentIndex(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < Parents.Length; i++)
            if (reader.ValueTextEquals(Parents[i])) return i;
        return -1;
    }

    private static int PathIndex(ref Utf8JsonReader reader, int parent)
    {
        for (var i = 0; i < Paths.Length; i++)
            if (Paths[i].Parent == parent && reader.ValueTextEquals(Paths[i].Name)) return i;
        return -1;
    }

    private static Checked? Parse(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith(Encoding.UTF8.Preamble)) json = json[Encoding.UTF8.Preamble.Length..];
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            var values = new string?[Paths.Length];
            var parent = -1; // the top-level property whose value is being read, as an index of Paths' parents
            while (reader.Read())
            {
                // The object must be complete; what may follow it is not read.
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0) return new Checked(values[0], values[1..]);
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth > 2) continue;
                if (reader.CurrentDepth == 1) parent = ParentIndex(ref reader);
                var at = reader.CurrentDepth == 1 ? PathIndex(ref reader, -1) : parent < 0 ? -1 : PathIndex(ref reader, parent);
                if (at < 0) continue;
                reader.Read();
                values[at] = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string no .NET string can hold (a lone surrogate escaped in an id).
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
