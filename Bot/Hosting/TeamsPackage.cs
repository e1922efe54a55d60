using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnToan.Bot.Hosting;

/// <summary>The Teams app package: manifest.json filled in from TeamsApp/manifest.template.json, and the two icons.</summary>
/// <remarks>All wording (names, descriptions, the command list) lives in the template, so an administrator can
/// change it without a build; only what differs per deployment (the app id, the developer's addresses, the
/// version) comes from the settings.</remarks>
public static class TeamsPackage
{
    public const string ManifestEntry = "manifest.json";
    public const string TemplateFile = "manifest.template.json";

    /// <summary>Limits Teams enforces when the package is uploaded; checked here so a template edit fails early.</summary>
    private static readonly (string Path, int Max)[] Limits =
        [("name.short", 30), ("name.full", 100), ("description.short", 80), ("description.full", 4000)];

    /// <summary>Vietnamese stays readable in the manifest an administrator may open and check.</summary>
    private static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const int MaxCommands = 10, MaxCommandTitle = 32, MaxCommandDescription = 128;

    /// <summary>The manifest for <paramref name="appId"/>: the template with the ids and the overrides applied.</summary>
    /// <exception cref="InvalidDataException">The template breaks a limit Teams enforces.</exception>
    public static JsonObject Manifest(string templateDir, Guid appId, TeamsPackageSettings settings)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(templateDir, TemplateFile)))!.AsObject();
        var id = appId.ToString("D");
        manifest["id"] = id;
        foreach (var bot in manifest["bots"]!.AsArray()) bot!["botId"] = id;
        if (settings.Version is { Length: > 0 } version) manifest["version"] = version;
        var developer = manifest["developer"]!.AsObject();
        if (settings.DeveloperName is { Length: > 0 } name) developer["name"] = name;
        if (settings.WebsiteUrl is { Length: > 0 } website) developer["websiteUrl"] = website;
        if (settings.PrivacyUrl is { Length: > 0 } privacy) developer["privacyUrl"] = privacy;
        if (settings.TermsOfUseUrl is { Length: > 0 } terms) developer["termsOfUseUrl"] = terms;
        CheckLimits(manifest);
        return manifest;
    }

    /// <summary>Writes the zip Teams takes: manifest.json and the icons it names, at the root of the archive.</summary>
    public static void Write(string templateDir, JsonObject manifest, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var entry = zip.CreateEntry(ManifestEntry);
        using (var stream = entry.Open())
            JsonSerializer.Serialize(stream, manifest, Readable);
        foreach (var icon in new[] { "color", "outline" })
        {
            var file = manifest["icons"]![icon]!.GetValue<string>();
            zip.CreateEntryFromFile(Path.Combine(templateDir, file), file);
        }
    }

    private static void CheckLimits(JsonObject manifest)
    {
        foreach (var (path, max) in Limits)
        {
            var parts = path.Split('.');
            var text = manifest[parts[0]]?[parts[1]]?.GetValue<string>() ?? "";
            if (text.Length == 0 || text.Length > max)
                throw new InvalidDataException($"{path} must have 1 to {max} characters (has {text.Length}).");
        }
        foreach (var list in manifest["bots"]!.AsArray().SelectMany(b => b!["commandLists"]?.AsArray() ?? []))
        {
            var commands = list!["commands"]!.AsArray();
            if (commands.Count > MaxCommands)
                throw new InvalidDataException($"A command list may have at most {MaxCommands} commands (has {commands.Count}).");
            foreach (var command in commands)
            {
                var title = command!["title"]?.GetValue<string>() ?? "";
                var description = command["description"]?.GetValue<string>() ?? "";
                if (title.Length is 0 or > MaxCommandTitle || description.Length > MaxCommandDescription)
                    throw new InvalidDataException($"Command '{title}': title 1 to {MaxCommandTitle} characters, description at most {MaxCommandDescription}.");
            }
        }
    }
}

/// <summary>What differs per deployment, from the settings section <c>TeamsApp</c>; empty keeps the template's value.</summary>
public sealed class TeamsPackageSettings
{
    /// <summary>The app version Teams compares on update (x.y.z); raise it for every new upload.</summary>
    public string? Version { get; set; }
    public string? DeveloperName { get; set; }
    public string? WebsiteUrl { get; set; }
    public string? PrivacyUrl { get; set; }
    public string? TermsOfUseUrl { get; set; }
}
