using System.Security.Claims;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace AnToan.Bot.Channels;

/// <summary>The configured <see cref="BotFrameworkAuthentication"/>, except that the user-token client the adapter
/// makes for every turn is only made if the turn uses it, and turns and proactive messages share connector clients
/// (<see cref="SharedConnectorClients"/>).</summary>
/// <remarks>CloudAdapter creates (and disposes) a user-token client for each turn, for sign-in prompts. This bot has
/// none, and creating one costs ~85 KB of allocations and a good share of a turn's CPU: the SDK's ServiceClient builds
/// regular expressions for its User-Agent header in every constructor. Everything else is passed through unchanged.</remarks>
public sealed class LazyUserTokenAuthentication(BotFrameworkAuthentication inner, SharedConnectorClients connectors) : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        if (result.ConnectorFactory is { } factory && result.ClaimsIdentity is { } identity)
            result.ConnectorFactory = connectors.For(factory, identity);
        return result;
    }

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        connectors.For(inner.CreateConnectorFactory(claimsIdentity), claimsIdentity);

    public override Microsoft.Bot.Builder.Skills.BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new LazyUserTokenClient(() => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)));

    /// <summary>Creates the real client on first use.</summary>
    private sealed class LazyUserTokenClient(Func<Task<UserTokenClient>> create) : UserTokenClient
    {
        private readonly Lazy<Task<UserTokenClient>> _client = new(create);

        public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
            await (await _client.Value).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

        public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            await (await _client.Value).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

        public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            await (await _client.Value).SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

        public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            await (await _client.Value).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

        public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            await (await _client.Value).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

        public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            await (await _client.Value).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing && _client.IsValueCreated && _client.Value.IsCompletedSuccessfully) _client.Value.Result.Dispose();
            base.Dispose(disposing);
        }
    }
}
