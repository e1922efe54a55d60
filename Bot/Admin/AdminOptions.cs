namespace AnToan.Bot.Admin;

/// <summary>Settings of the admin page and API (section "Admin").</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The key that opens the admin page and API. Empty (the default): the admin page and API answer 404.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>How long a login lasts. Default 8 hours: a working day, so a forgotten browser does not stay signed in.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Wrong keys one address may try within <see cref="LoginWindow"/> before it is refused. Default 5.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>The window over which failed logins are counted. Default 5 minutes.</summary>
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => !string.IsNullOrEmpty(ApiKey);
}
