using System.IO.Compression;
using System.Text.Json.Nodes;
using AnToan.Bot.Hosting;

namespace AnToan.Bot.Tests.Teams;

/// <summary>The package an administrator uploads to Teams, written by <c>teams-package</c>.</summary>
public sealed class TeamsPackageTests : IDisposable
{
    private const string AppId = "6c2a5f7e-1d3b-4a8e-9f10-2b3c4d5e6f70";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("antoan-teams-");
    private string Output => Path.Combine(_dir.FullName, "app.zip");

    public void Dispose() => _dir.Delete(true);

    private (int Code, string Out, string Error) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = TeamsPackageCommand.Run(["--out", Output, .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Package_HasExactlyTheManifestAndTwoIcons()
    {
        Assert.Equal(0, Run($"--MicrosoftAppId={AppId}").Code);

        using var zip = ZipFile.OpenRead(Output);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
    }

    [Fact]
    public void Manifest_HasTheRequiredFieldsTheAppIdAndTheBotScopes()
    {
        Run($"--MicrosoftAppId={AppId}");
        var manifest = ReadManifest();

        Assert.Matches(@"^https://developer\.microsoft\.com/json-schemas/teams/v1\.(1[7-9]|[2-9]\d)/MicrosoftTeams\.schema\.json$", (string?)manifest["$schema"]);
        Assert.Equal(((string)manifest["$schema"]!).Split('/')[^2][1..], (string?)manifest["manifestVersion"]);
        Assert.Matches(@"^\d+\.\d+\.\d+$", (string?)manifest["version"]);
        Assert.Equal(AppId, (string?)manifest["id"]);
        foreach (var field in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
            Assert.StartsWith("https://", (string?)manifest["developer"]![field]);
        Assert.False(string.IsNullOrWhiteSpace((string?)manifest["developer"]!["name"]));
        Assert.InRange(((string)manifest["name"]!["short"]!).Length, 1, 30);
        Assert.InRange(((string)manifest["description"]!["short"]!).Length, 1, 80);
        Assert.InRange(((string)manifest["description"]!["full"]!).Length, 1, 4000);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", (string?)manifest["accentColor"]);

        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal(AppId, (string?)bot["botId"]);
        Assert.Equal(["groupChat", "personal", "team"], bot["scopes"]!.AsArray().Select(s => (string)s!).Order());
        var commands = bot["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).ToList();
        Assert.InRange(commands.Count, 1, 10);
        Assert.All(commands, c => Assert.InRange(((string)c!["title"]!).Length, 1, 32));
        Assert.All(commands, c => Assert.InRange(((string)c!["description"]!).Length, 1, 128));
    }

    [Fact]
    public void Icons_AreColor192AndTransparentWhiteOutline32()
    {
        Run($"--MicrosoftAppId={AppId}");
        var manifest = ReadManifest();
        using var zip = ZipFile.OpenRead(Output);

        var color = Png.Read(ReadEntry(zip, (string)manifest["icons"]!["color"]!));
        Assert.Equal((192, 192), (color.Width, color.Height));

        var outline = Png.Read(ReadEntry(zip, (string)manifest["icons"]!["outline"]!));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.True(outline.HasAlpha);
        var pixels = Enumerable.Range(0, 32).SelectMany(y => Enumerable.Range(0, 32).Select(x => outline.Pixel(x, y))).ToList();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
    }

    [Fact]
    public void Settings_OverrideVersionAndDeveloperAddresses()
    {
        Run($"--MicrosoftAppId={AppId}", "--TeamsApp:Version=2.3.4", "--TeamsApp:WebsiteUrl=https://congan.example.vn/");
        var manifest = ReadManifest();

        Assert.Equal("2.3.4", (string?)manifest["version"]);
        Assert.Equal("https://congan.example.vn/", (string?)manifest["developer"]!["websiteUrl"]);
    }

    [Theory]
    [InlineData("--MicrosoftAppId=", "MicrosoftAppId is empty")]
    [InlineData("--MicrosoftAppId=not-a-guid", "is not a GUID")]
    public void MissingOrMalformedAppId_IsRefusedWithExitCode2(string setting, string message)
    {
        var (code, _, error) = Run(setting);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void PlainHttpDeveloperAddress_IsRefused()
    {
        var (code, _, error) = Run($"--MicrosoftAppId={AppId}", "--TeamsApp:PrivacyUrl=http://congan.example.vn/privacy");

        Assert.Equal(2, code);
        Assert.Contains("https", error);
    }

    private JsonObject ReadManifest()
    {
        using var zip = ZipFile.OpenRead(Output);
        return JsonNode.Parse(ReadEntry(zip, "manifest.json"))!.AsObject();
    }

    private static byte[] ReadEntry(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
