namespace AnToan.Bot.Channels.Zalo;

/// <summary>Keeps the OA's tokens alive while nobody writes.</summary>
/// <remarks>The refresh token lives three months and is renewed only when the access token is: without this, an OA
/// that sent nothing for three months would lose it and need a new pair by hand. A pair seeded from the settings has
/// no known expiry until Zalo first refuses it; from then on it is renewed ahead of time.</remarks>
public sealed class ZaloTokenKeeper(ZaloTokenProvider tokens, TimeProvider clock, ILogger<ZaloTokenKeeper> logger) : BackgroundService
{
    /// <summary>Well inside the access token's 25 hours, so it is renewed at least once a day.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await tokens.GetAccessTokenAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not keep the Zalo access token fresh; next try in {Period}", Period);
            }
        }
    }
}
