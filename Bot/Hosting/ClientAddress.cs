using System.Net;
using System.Net.Sockets;

namespace AnToan.Bot.Hosting;

/// <summary>The client's address as per-address limits count it (web chat rate limits, the admin login and key
/// throttle, wrong join codes): an IPv4 address as it is, an IPv6 address by its /64, since one subscriber usually
/// holds a whole /64 and can pick any address in it.</summary>
/// <remarks>The address is the one forwarded by a trusted proxy (Bot:TrustedProxies, see InputLimits), else the
/// connection's.</remarks>
public static class ClientAddress
{
    public static string KeyOf(HttpContext http) => KeyOf(http.Connection.RemoteIpAddress);

    public static string KeyOf(IPAddress? address)
    {
        if (address is null) return "";
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>True when the client is on this machine.</summary>
    public static bool IsLoopback(HttpContext http) => http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
}
