using System.Text.RegularExpressions;
using AnToan.Bot.Channels;
using AnToan.Bot.Channels.WebChat;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AnToan.Bot.Tests.WebChat;

/// <summary>The page at / in a real headless browser against the real host.</summary>
public sealed class WebChatPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string BotBubbles = ".msg.bot .bubble";
    private const string UserBubbles = ".msg.user .bubble";
    private const string Suggestions = "#suggestions button";

    /// <summary>The first line of a rendered template as the page shows it: markdown markers gone.</summary>
    private static string ShownFirstLine(Activity reply) => reply.Text.Split('\n')[0].Replace("**", "").Replace("*", "");

    private static int ListItems(Activity reply) => reply.Text.Split('\n').Count(l => l.StartsWith("- ") || Regex.IsMatch(l, @"^\d+\. "));

    private async Task<IPage> OpenAsync(TestBotHost host, int width = 1024, int height = 768)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.Client.BaseAddress!.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Opens the page and waits until its event stream is subscribed, so nothing sent later is missed.</summary>
    private static async Task OpenChatAsync(IPage page) =>
        await page.RunAndWaitForResponseAsync(() => page.GotoAsync("/"), r => r.Url.EndsWith("/events") && r.Status == 200);

    [Fact]
    public async Task AUnitNameWithMarkdown_ShowsAsTyped_AndIsNoLink()
    {
        await using var host = await TestBotHost.StartAsync();
        const string name = "[Trang chính thức](https://phishing.example/login) *x* #1";
        var unit = await host.App.Services.GetRequiredService<AnToan.Dialogs.Units.IUnitStore>()
            .CreateAsync(new AnToan.Dialogs.Units.NewUnit(name, "co-quan", 10), new AnToan.Dialogs.Units.MemberKey("test", "creator"), "A", default);
        var page = await OpenAsync(host);
        await OpenChatAsync(page);

        await page.GetByLabel("Nhập câu hỏi").FillAsync($"tham gia {unit.JoinCode}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();

        var joined = page.Locator(BotBubbles).Nth(1);
        await Expect(joined.Locator("strong").First).ToHaveTextAsync(name);
        await Expect(joined.Locator("a")).ToHaveCountAsync(0);
        await Expect(joined.Locator("em")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Page_Welcomes_AnswersHelp_FollowsButtons_AndKeepsHistoryOnReload()
    {
        await using var host = await TestBotHost.StartAsync();
        var replies = host.App.Services.GetRequiredService<Replies>();
        var welcome = replies.WithMenu("welcome", new { UserName = "" });
        var help = replies.WithMenu("help");
        var menu = replies.Content.Ui.Menu;
        var page = await OpenAsync(host, 390, 844);

        await OpenChatAsync(page);

        var bot = page.Locator(BotBubbles);
        await Expect(bot).ToHaveCountAsync(1);
        await Expect(bot.First).ToContainTextAsync(ShownFirstLine(welcome));
        await Expect(bot.First.Locator("strong").First).ToBeVisibleAsync();
        await Expect(page.Locator(Suggestions)).ToHaveTextAsync(menu.Select(b => b.Title).ToArray());

        // Hold the reply back a moment to see the typing indicator.
        await page.RouteAsync("**/messages", async route => { await Task.Delay(700); await route.ContinueAsync(); });
        await page.GetByLabel("Nhập câu hỏi").FillAsync("trợ giúp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Expect(page.Locator("#typing")).ToBeVisibleAsync();
        await Expect(bot).ToHaveCountAsync(2);
        await Expect(page.Locator("#typing")).ToBeHiddenAsync();
        await page.UnrouteAllAsync();
        await Expect(bot.Nth(1)).ToContainTextAsync(ShownFirstLine(help));
        await Expect(bot.Nth(1).Locator("li")).ToHaveCountAsync(ListItems(help));
        await Expect(page.Locator(UserBubbles)).ToHaveTextAsync(["trợ giúp"]);

        await page.Locator(Suggestions).First.ClickAsync();
        await Expect(page.Locator(UserBubbles)).ToHaveTextAsync(["trợ giúp", menu[0].Value]);
        await Expect(bot).ToHaveCountAsync(3);
        await Expect(page.Locator(Suggestions).First).ToBeVisibleAsync();
        var offered = await page.Locator(Suggestions).AllInnerTextsAsync();

        await page.ReloadAsync();
        await Expect(page.Locator(UserBubbles)).ToHaveTextAsync(["trợ giúp", menu[0].Value]);
        await Expect(bot).ToHaveCountAsync(3);
        await Expect(page.Locator(Suggestions)).ToHaveTextAsync(offered.ToArray());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/webchat-phone.png" });

        await page.GetByRole(AriaRole.Link, new() { Name = "Cuộc trò chuyện mới" }).ClickAsync();
        await Expect(page.Locator(UserBubbles)).ToHaveCountAsync(0);
        await Expect(bot).ToHaveCountAsync(1);
    }

    /// <summary>Issue 14, point 13: _italic_ source lines render as emphasis, emoji buttons have words, a favicon.</summary>
    [Fact]
    public async Task Answer_ShowsItsSourceInItalics_VoteButtonsHaveWords_AndThePageHasAnIcon()
    {
        await using var host = await TestBotHost.StartAsync();
        var page = await OpenAsync(host);
        await OpenChatAsync(page);
        await page.GetByLabel("Nhập câu hỏi").FillAsync("han nop ho so cong nhan la khi nao");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();

        var answer = page.Locator(BotBubbles).Nth(1);
        await Expect(answer.Locator("em", new() { HasTextString = "Nguồn" })).ToBeVisibleAsync();
        await Expect(answer).Not.ToContainTextAsync("_Nguồn");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Hữu ích", Exact = true })).ToContainTextAsync("Hữu ích");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Chưa đúng", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/webchat-answer.png" });

        using var icon = await host.Client.GetAsync("/favicon.ico");
        Assert.Equal(System.Net.HttpStatusCode.OK, icon.StatusCode);
        Assert.StartsWith("image/", icon.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HostileInput_IsShownAsText_AndNeverRuns()
    {
        const string hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\">";
        await using var host = await TestBotHost.StartAsync();
        var page = await OpenAsync(host);
        await OpenChatAsync(page);
        await Expect(page.Locator(BotBubbles)).ToHaveCountAsync(1);

        await page.GetByLabel("Nhập câu hỏi").FillAsync(hostile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Expect(page.Locator(BotBubbles)).ToHaveCountAsync(2);
        await Expect(page.Locator(UserBubbles)).ToHaveTextAsync([hostile]);

        await page.ReloadAsync(); // the history renders it again
        await Expect(page.Locator(UserBubbles)).ToHaveTextAsync([hostile]);
        await Expect(page.Locator("#messages img, #messages script")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("typeof window.__pwned === 'undefined'"));
    }

    [Fact]
    public async Task Announcement_AppearsWithoutReload_WithOnlyWebLinksClickable()
    {
        await using var host = await TestBotHost.StartAsync();
        var page = await OpenAsync(host);
        await OpenChatAsync(page);
        await Expect(page.Locator(BotBubbles)).ToHaveCountAsync(1);
        var conversationId = await page.EvaluateAsync<string>("localStorage.getItem('antoan.webchat.conversationId')");

        var channel = host.App.Services.GetServices<IProactiveChannel>().Single(c => c.Handles("web"));
        var reference = new ConversationReference { ChannelId = "web", Conversation = new ConversationAccount(id: conversationId), Bot = WebChatAdapter.BotAccount };
        var text = "Notice: see [this](javascript:alert(1)), [guide](https://example.org/guide) or http://example.org/b.";
        await channel.SendAsync(reference, MessageFactory.Text(text), CancellationToken.None);

        var announcement = page.Locator(BotBubbles).Nth(1);
        await Expect(announcement).ToContainTextAsync("Notice: see [this](javascript:alert(1)), guide or http://example.org/b.");
        await Expect(announcement.Locator("a")).ToHaveCountAsync(2);
        await Expect(announcement.Locator("a").First).ToHaveAttributeAsync("href", "https://example.org/guide");
        await Expect(announcement.Locator("a").Last).ToHaveAttributeAsync("href", "http://example.org/b");
        await Expect(announcement.Locator("a").First).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Expect(announcement.Locator("a").First).ToHaveAttributeAsync("target", "_blank");
    }

    [Fact]
    public async Task Cards_ShowTheirTextAndButtons_AndButtonsPostTheirValue()
    {
        await using var host = await TestBotHost.StartAsync();
        var page = await OpenAsync(host);
        await OpenChatAsync(page);
        await Expect(page.Locator(BotBubbles)).ToHaveCountAsync(1);
        var conversationId = await page.EvaluateAsync<string>("localStorage.getItem('antoan.webchat.conversationId')");
        var adaptive = new Attachment("application/vnd.microsoft.card.adaptive", content: Newtonsoft.Json.Linq.JObject.Parse("""
            { "type": "AdaptiveCard", "version": "1.5",
              "body": [ { "type": "TextBlock", "text": "Card **title**" } ],
              "actions": [ { "type": "Action.Submit", "title": "Choose A", "data": { "choice": "a" } } ] }
            """));
        var hero = new HeroCard("Hero title", text: "Hero text", buttons: [new CardAction(ActionTypes.ImBack, "Hero button", value: "trợ giúp")]).ToAttachment();
        var reference = new ConversationReference { ChannelId = "web", Conversation = new ConversationAccount(id: conversationId), Bot = WebChatAdapter.BotAccount };
        var channel = host.App.Services.GetServices<IProactiveChannel>().Single(c => c.Handles("web"));
        await channel.SendAsync(reference, MessageFactory.Attachment([adaptive, hero]), CancellationToken.None);

        var cards = page.Locator(BotBubbles).Nth(1).Locator(".card");
        await Expect(cards).ToHaveCountAsync(2);
        await Expect(cards.First.Locator("strong")).ToHaveTextAsync("title");
        await Expect(cards.Last).ToContainTextAsync("Hero title");
        await Expect(cards.Last).ToContainTextAsync("Hero text");

        var posted = await page.RunAndWaitForRequestAsync(
            () => cards.First.GetByRole(AriaRole.Button, new() { Name = "Choose A" }).ClickAsync(),
            r => r.Url.EndsWith("/messages"));
        Assert.Equal("a", (string?)Newtonsoft.Json.Linq.JObject.Parse(posted.PostData!)["value"]!["choice"]);
        await Expect(page.Locator(BotBubbles)).ToHaveCountAsync(3);

        await cards.Last.GetByRole(AriaRole.Button, new() { Name = "Hero button" }).ClickAsync();
        await Expect(page.Locator(UserBubbles).Last).ToHaveTextAsync("trợ giúp");
        await Expect(page.Locator(BotBubbles)).ToHaveCountAsync(4);
    }
}
