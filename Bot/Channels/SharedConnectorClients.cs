using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace AnToan.Bot.Channels;

/// <summary>The connector clients of turns and proactive messages, shared by those of one bot identity, audience and
/// service URL for a few minutes instead of made for each.</summary>
/// <remarks>
/// CloudAdapter asks for a new connector client at every turn (and disposes it at the end): the SDK's ServiceClient
/// parses regular expressions for its User-Agent in every constructor, and a new HttpClient comes with it — about a
/// third of what a turn allocated (~95 KB) and much of its CPU, for a client a turn answered with expectReplies
/// never uses. One client serves concurrent turns (the SDK's older BotFrameworkAdapter kept them per service URL
/// and app id the same way) and the announcements' fan-out (<see cref="BotFrameworkProactiveChannel"/>). It is renewed every
/// <see cref="Lifetime"/> so that pooled connections follow DNS changes; a replaced one is left to the collector,
/// since a turn may still be using it. At most <see cref="MaxClients"/> are kept (service URLs come from requests):
/// beyond that a turn gets a client of its own, as before.
/// </remarks>
public sealed class SharedConnectorClients(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const int MaxClients = 64;

    private readonly ConcurrentDictionary<(string Identity, string? Audience, string ServiceUrl), (IConnectorClient Client, DateTimeOffset Created)> _clients = new();

    /// <summary>The factory a turn of <paramref name="identity"/> gets its client from.</summary>
    public ConnectorFactory For(ConnectorFactory inner, ClaimsIdentity identity) => new Factory(this, inner, IdentityKey(identity));

    /// <summary>The claims the SDK takes the bot's app id from (audience, then appid): turns of different bots never share.</summary>
    private static string IdentityKey(ClaimsIdentity identity) => string.Join('\n', identity.Claims
        .Where(c => c.Type is AuthenticationConstants.AudienceClaim or AuthenticationConstants.AppIdClaim)
        .Select(c => c.Type + "=" + c.Value));

    private async Task<IConnectorClient> GetAsync(ConnectorFactory inner, string identity, string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var key = (identity, audience, serviceUrl);
        var now = time.GetUtcNow();
        if (_clients.TryGetValue(key, out var cached) && Fresh(cached.Created, now)) return cached.Client;
        var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken);
        if (_clients.Count >= MaxClients && !_clients.ContainsKey(key))
        {
            foreach (var (k, v) in _clients)
                if (!Fresh(v.Created, now)) _clients.TryRemove(k, out _);
            if (_clients.Count >= MaxClients) return client; // the turn disposes it, as the SDK does
        }
        var shared = new Shared(client);
        _clients[key] = (shared, now);
        return shared;
    }

    private static bool Fresh(DateTimeOffset created, DateTimeOffset now) => now - created < Lifetime && now >= created;

    private sealed class Factory(SharedConnectorClients clients, ConnectorFactory inner, string identity) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            clients.GetAsync(inner, identity, serviceUrl, audience, cancellationToken);
    }

    /// <summary>The shared client as a turn sees it: everything passed through, except that the end of a turn does
    /// not dispose it, and its address cannot be changed under the other turns.</summary>
    private sealed class Shared(IConnectorClient inner) : IConnectorClient
    {
        public Uri BaseUri
        {
            get => inner.BaseUri;
            set => throw new NotSupportedException("A shared connector client's BaseUri cannot be changed.");
        }

        public JsonSerializerSettings SerializationSettings => inner.SerializationSettings;
        public JsonSerializerSettings DeserializationSettings => inner.DeserializationSettings;
        public ServiceClientCredentials Credentials => inner.Credentials;
        public IAttachments Attachments => inner.Attachments;
        public IConversations Conversations => inner.Conversations;

        public void Dispose()
        {
            // Shared: left to the collector once replaced, as a turn may still be using it.
        }
    }
}
