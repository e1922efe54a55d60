using System.Security.Cryptography;
using System.Text;

namespace AnToan.Bot.Storage;

/// <summary>Ids that come from outside (conversation, user, Zalo message ids) as LiteDB document ids.</summary>
/// <remarks>Every edge refuses ids over <see cref="MaxIdLength"/> characters (400); still, LiteDB cannot index a key
/// of 1,023 bytes or more, and keys are often two ids joined. So a key over <see cref="MaxKeyBytes"/> bytes of UTF-8
/// is stored as a stable hash of itself; shorter keys, which is all of them in practice, stay readable.</remarks>
public static class StorageKey
{
    /// <summary>Longest id accepted at an edge (Teams' longest are a few hundred characters).</summary>
    public const int MaxIdLength = 512;

    private const int MaxKeyBytes = 256;

    public static string Of(string key) =>
        Encoding.UTF8.GetByteCount(key) <= MaxKeyBytes ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>True when every id is at most <see cref="MaxIdLength"/> characters.</summary>
    public static bool AreBounded(params string?[] ids) => ids.All(id => id is null || id.Length <= MaxIdLength);
}
