using System.Buffers;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;

namespace AnToan.Bot.Storage;

/// <summary>Bot state as JSON, the way the SDK's own storages write it, for every storage provider.</summary>
/// <remarks>
/// The settings are those of the SDK's MemoryStorage and BlobsStorage (TypeNameHandling.All, so state bags and dialog
/// stacks come back as the types that were saved), with one deliberate difference: strings are never parsed as dates
/// on the way back (the SDK's storages turn a user's "2021-12-01" into a DateTime, its issue #5924). Typed
/// DateTime/DateTimeOffset members still round-trip exactly; keep dates in typed members. TypeNameHandling.All is
/// safe here: the JSON is only ever read back from our own database.
/// <para>Every turn reads and writes its state: the serializers are made once (they are safe to share while their
/// settings do not change), and their text buffers are pooled.</para>
/// </remarks>
public static class StateJson
{
    private static readonly JsonSerializer Writer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        MaxDepth = null,
    });

    private static readonly JsonSerializer Reader = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        MaxDepth = null,
        DateParseHandling = DateParseHandling.None,
        CheckAdditionalContent = true,
    });

    [ThreadStatic]
    private static StringBuilder? t_builder;

    public static string Serialize(object value)
    {
        var builder = t_builder ?? new StringBuilder(1024);
        t_builder = null;
        using (var writer = new JsonTextWriter(new StringWriter(builder, CultureInfo.InvariantCulture)) { ArrayPool = CharPool.Instance })
            Writer.Serialize(writer, value);
        var json = builder.ToString();
        builder.Clear();
        if (builder.Capacity <= 64 * 1024) t_builder = builder; // an unusually large state does not stay with the thread
        return json;
    }

    public static object? Deserialize(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { ArrayPool = CharPool.Instance };
        return Reader.Deserialize(reader, typeof(object));
    }

    private sealed class CharPool : IArrayPool<char>
    {
        public static readonly CharPool Instance = new();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null) ArrayPool<char>.Shared.Return(array);
        }
    }
}
