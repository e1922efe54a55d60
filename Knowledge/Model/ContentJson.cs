using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnToan.Knowledge.Model;

/// <summary>Reads a JSON file of the content root strictly: an unknown field, a missing required one or a null where
/// the shape allows none is an error naming the file and line, not a silent default.</summary>
public static class ContentJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>How content files are written (a published version): as they are read, indented, Vietnamese kept
    /// readable rather than escaped.</summary>
    public static readonly JsonSerializerOptions WriteOptions = new(Options)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static T Read<T>(ContentFiles files, string file) where T : class
    {
        if (!files.Json.TryGetValue(file, out var text)) throw new ContentException(file, null, "file is missing");
        return Parse<T>(file, text);
    }

    /// <summary>Reads <paramref name="text"/> as the content file <paramref name="file"/> would be read.</summary>
    public static T Parse<T>(string file, string text) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options)
                ?? throw new ContentException(file, null, "file is empty");
        }
        catch (JsonException e)
        {
            throw new ContentException(file, e.LineNumber + 1, e.Message, e);
        }
    }
}
