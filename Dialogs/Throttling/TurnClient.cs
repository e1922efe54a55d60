using Microsoft.Bot.Builder;

namespace AnToan.Dialogs.Throttling;

/// <summary>Where a turn came from, as the host put it in the turn state: the client address key (IPv6 by /64) of the
/// HTTP request that carried the turn; none for turns that did not come over a request from a client (Zalo's queue).</summary>
public static class TurnClient
{
    public const string AddressKey = "AnToan.ClientAddress";

    public static string? AddressOf(ITurnContext turn) => turn.TurnState.Get<string>(AddressKey);
}
