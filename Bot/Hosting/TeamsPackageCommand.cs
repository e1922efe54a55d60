using System.Text.RegularExpressions;

namespace AnToan.Bot.Hosting;

/// <summary><c>dotnet run --project Bot -- teams-package [--out path]</c>: writes the Teams app package and exits,
/// without starting the web host.</summary>
/// <remarks>Reads the same settings the host reads (appsettings.json beside the binary, environment variables,
/// command-line <c>--Key=value</c>), so the package carries the app id the running bot authenticates with.</remarks>
public static partial class TeamsPackageCommand
{
    public const string Name = "teams-package";
    public const string DefaultOutput = "antoan-bot-teams.zip";

    /// <returns>0 when the package was written; 2 when the settings or the template do not allow it.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

        var appIdText = config["MicrosoftAppId"];
        if (!Guid.TryParse(appIdText, out var appId))
        {
            stderr.WriteLine(string.IsNullOrWhiteSpace(appIdText)
                ? "MicrosoftAppId is empty. Set it to the bot's Microsoft App ID (a GUID), e.g. --MicrosoftAppId=<guid> or the environment variable MicrosoftAppId."
                : $"MicrosoftAppId '{appIdText}' is not a GUID. Set it to the bot's Microsoft App ID from its Azure Bot registration.");
            return 2;
        }

        var settings = config.GetSection("TeamsApp").Get<TeamsPackageSettings>() ?? new TeamsPackageSettings();
        var problem = Check(settings);
        if (problem is not null)
        {
            stderr.WriteLine(problem);
            return 2;
        }

        var templateDir = Path.Combine(AppContext.BaseDirectory, "TeamsApp");
        var output = Path.GetFullPath(config["out"] is { Length: > 0 } o ? o : DefaultOutput);
        try
        {
            var manifest = TeamsPackage.Manifest(templateDir, appId, settings);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            using (var file = File.Create(output)) TeamsPackage.Write(templateDir, manifest, file);
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine($"{Path.Combine(templateDir, TeamsPackage.TemplateFile)}: {e.Message}");
            return 2;
        }
        stdout.WriteLine($"Teams app package for {appId:D} written to {output}");
        return 0;
    }

    private static string? Check(TeamsPackageSettings settings)
    {
        if (settings.Version is { Length: > 0 } version && !SemanticVersion().IsMatch(version))
            return $"TeamsApp:Version '{version}' must look like 1.0.0.";
        foreach (var (key, url) in new[] { ("WebsiteUrl", settings.WebsiteUrl), ("PrivacyUrl", settings.PrivacyUrl), ("TermsOfUseUrl", settings.TermsOfUseUrl) })
            if (url is { Length: > 0 } && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
                return $"TeamsApp:{key} '{url}' must be an https address.";
        return null;
    }

    [GeneratedRegex(@"^\d{1,9}\.\d{1,9}\.\d{1,9}$")]
    private static partial Regex SemanticVersion();
}
