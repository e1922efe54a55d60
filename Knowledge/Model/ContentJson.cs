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

    public static T Read<T>(string root, string file) where T : class
    {
        var path = Path.Combine(root, file);
        if (!File.Exists(path)) throw new ContentException(file, null, "file is missing");
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                ?? throw new ContentException(file, null, "file is empty");
        }
        catch (JsonException e)
        {
            throw new ContentException(file, e.LineNumber + 1, e.Message, e);
        }
        catch (IOException e)
        {
            throw new ContentException(file, null, e.Message, e);
        }
    }
}
