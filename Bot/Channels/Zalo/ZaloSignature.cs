using System.Security.Cryptography;
using System.Text;

namespace AnToan.Bot.Channels.Zalo;

/// <summary>Checks <c>X-ZEvent-Signature: mac=&lt;hex&gt;</c>, where mac = SHA-256(app_id + raw body + timestamp + OA secret key).</summary>
/// <remarks>Plain SHA-256 of the concatenation, not an HMAC. It is computed over the bytes as received:
/// re-serialised JSON would differ in spacing or escapes and never match.</remarks>
public static class ZaloSignature
{
    public const string Header = "X-ZEvent-Signature";

    public static bool IsValid(string? header, ReadOnlySpan<byte> rawBody, string timestamp, ZaloOptions options)
    {
        if (Presented(header) is not { } presented) return false;
        return CryptographicOperations.FixedTimeEquals(Compute(rawBody, timestamp, options), presented);
    }

    public static byte[] Compute(ReadOnlySpan<byte> rawBody, string timestamp, ZaloOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(options.AppId));
        hash.AppendData(rawBody);
        hash.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hash.AppendData(Encoding.UTF8.GetBytes(options.OaSecretKey));
        return hash.GetHashAndReset();
    }

    private static byte[]? Presented(string? header)
    {
        var value = header?.Trim();
        if (value is null || !value.StartsWith("mac=", StringComparison.OrdinalIgnoreCase)) return null;
        try { return Convert.FromHexString(value.AsSpan(4).Trim()); }
        catch (FormatException) { return null; }
    }
}
