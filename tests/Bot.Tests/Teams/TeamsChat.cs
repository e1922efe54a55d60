using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AnToan.Bot.Tests.Teams;

/// <summary>Activities shaped as Microsoft Teams sends them, posted to /api/messages with expectReplies.</summary>
internal static partial class TeamsChat
{
    public const string BotId = "28:00000000-0000-0000-0000-0000000000b0";
    public const string BotName = "AnToan.Bot";
    public const string TeamId = "19:team-of-the-unit@thread.tacv2";
    /// <summary>Loopback: without an app id the bot takes turns only for conversations on this machine.</summary>
    public const string ServiceUrl = "http://127.0.0.1:1/apac/";

    public static Activity Message(string? text, string conversationType = "personal", string channelId = "msteams", object? value = null)
    {
        var activity = Base(ActivityTypes.Message, conversationType, channelId);
        activity.Text = text;
        activity.Value = value is null ? null : JObject.FromObject(value);
        return activity;
    }

    /// <summary>"@AnToan.Bot text" as Teams sends it from a channel or a group chat: the tag in the text and a mention entity.</summary>
    public static Activity Mention(string text, string conversationType)
    {
        var mention = $"<at>{BotName}</at>";
        var activity = Message($"{mention} {text}", conversationType);
        activity.Entities = [new Mention { Mentioned = new ChannelAccount(BotId, BotName), Text = mention }];
        return activity;
    }

    public static Activity MembersAdded(params string[] memberIds)
    {
        var activity = Base(ActivityTypes.ConversationUpdate, "personal", "msteams");
        activity.MembersAdded = memberIds.Select(id => new ChannelAccount(id)).ToList();
        return activity;
    }

    public static Activity MembersRemoved(params string[] memberIds)
    {
        var activity = Base(ActivityTypes.ConversationUpdate, "channel", "msteams");
        activity.MembersRemoved = memberIds.Select(id => new ChannelAccount(id)).ToList();
        return activity;
    }

    public static Activity InstallationUpdate(string action)
    {
        var activity = Base(ActivityTypes.InstallationUpdate, "personal", "msteams");
        activity.Action = action;
        return activity;
    }

    private static Activity Base(string type, string conversationType, string channelId) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = channelId,
        ServiceUrl = ServiceUrl,
        From = new ChannelAccount("29:user-1", "Nguyễn Văn An", aadObjectId: "00000000-0000-0000-0000-0000000000a1"),
        Recipient = new ChannelAccount(BotId, BotName),
        Conversation = new ConversationAccount(
            isGroup: conversationType != "personal",
            conversationType: conversationType,
            id: conversationType == "channel" ? $"{TeamId};messageid=1700000000000" : $"a:conversation-{conversationType}",
            tenantId: "00000000-0000-0000-0000-0000000000c1"),
        ChannelData = conversationType == "channel"
            ? JObject.FromObject(new TeamsChannelData { Team = new TeamInfo(TeamId, "Phòng PV05"), Channel = new ChannelInfo(TeamId, "General") })
            : null,
        DeliveryMode = DeliveryModes.ExpectReplies,
    };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Activity activity, string? bearerToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return await client.SendAsync(request);
    }

    /// <summary>The messages the bot answered with (trace activities left out).</summary>
    public static async Task<IReadOnlyList<Activity>> SendAsync(HttpClient client, Activity activity)
    {
        using var response = await PostAsync(client, activity);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        var replies = JsonConvert.DeserializeObject<ExpectedReplies>(body)?.Activities ?? [];
        return replies.Where(a => a.Type == ActivityTypes.Message).ToList();
    }

    public static JObject SingleCard(Activity reply)
    {
        var attachment = Assert.Single(reply.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        return Assert.IsType<JObject>(attachment.Content);
    }

    /// <summary>The text of a card's TextBlocks, whitespace-normalised so it compares with the template's text.</summary>
    public static string CardText(JObject card) =>
        Normalize(string.Join("\n", card["body"]!.Where(e => (string?)e["type"] == "TextBlock").Select(e => (string?)e["text"])));

    public static string Normalize(string? text) => Whitespace().Replace(text ?? "", " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
