using System.Net;
using System.Text.Json.Nodes;
using AnToan.Bot.Tests.Infrastructure;

namespace AnToan.Bot.Tests.Quality;

/// <summary>Votes after answers and unanswered questions reach GET /api/admin/feedback, which only an admin sees.</summary>
public sealed class FeedbackTests
{
    private const string Key = "test-admin-key";

    [Fact]
    public async Task Votes_and_unanswered_questions_are_listed_with_counts()
    {
        await using var host = await TestBotHost.StartAsync(settings: [$"Admin:ApiKey={Key}"]);
        var own = ReplyTests.OwnSet();
        var inScope = own.Where(q => q.InScope).Take(2).ToList();
        var outOfScope = own.First(q => !q.InScope).Question;
        var conversation = new BotConversation(host.Client);

        var first = await conversation.SendAsync(inScope[0].Question);
        var up = await conversation.SendAsync("👍");
        var second = await conversation.SendAsync(inScope[1].Question);
        var down = await conversation.SendAsync("👎");
        var again = await conversation.SendAsync("👎"); // nothing left to vote on: a message without words, so help
        await conversation.SendAsync(outOfScope);
        await new BotConversation(host.Client).SendAsync(outOfScope.ToUpperInvariant());

        Assert.True(first.Answered && second.Answered);
        Assert.NotEmpty(up.Text);
        Assert.NotEmpty(down.Text);
        Assert.NotEqual(up.Text, down.Text);
        Assert.Null(again.Trace);
        Assert.Equal((await new BotConversation(host.Client).SendAsync("trợ giúp")).Text, again.Text);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/feedback");
        request.Headers.Add("X-Admin-Key", Key);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var unanswered = body["unanswered"]!.AsArray();
        Assert.Contains(unanswered, u => (int)u!["count"]! == 2);
        var downVoted = Assert.Single(body["downVoted"]!.AsArray());
        Assert.Equal((string?)second.Trace!["answerId"], (string?)downVoted!["answerId"]);
        Assert.Equal(1, (int)downVoted["down"]!);
    }

    [Fact]
    public async Task Feedback_admin_needs_the_key_and_does_not_exist_without_one()
    {
        await using (var keyed = await TestBotHost.StartAsync(settings: [$"Admin:ApiKey={Key}"]))
        {
            using var response = await keyed.Client.GetAsync("/api/admin/feedback");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        await using var open = await TestBotHost.StartAsync();
        using var none = await open.Client.GetAsync("/api/admin/feedback");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }
}
