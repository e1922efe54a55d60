using AnToan.Bot.Channels;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Bot.Tests.Announcements;
using AnToan.Dialogs;
using AnToan.Dialogs.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnToan.Bot.Tests.Teams;

/// <summary>A turn whose reply the connector refuses once is retried; a turn that fails keeps the conversation where it
/// was; a turn cancelled by its client is not a failure.</summary>
public sealed class TurnFailureTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private TestBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await TestBotHost.StartAsync(settings:
            ["Announcements:MaxAttempts=3", "Announcements:RetryDelay=00:00:00.020", "Announcements:MaxRetryDelay=00:00:00.100"]);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Replies Replies => _host.App.Services.GetRequiredService<Replies>();

    private string Template(string name, object? model = null) => Replies.Content.Templates.Render(name, model).Split('\n')[0].Trim();

    /// <summary>A message whose replies go to the fake connector (no expectReplies), as Teams sends them.</summary>
    private async Task SayAsync(string text)
    {
        var activity = TeamsChat.Message(text, channelId: "emulator");
        activity.ServiceUrl = _connector.ServiceUrl;
        activity.DeliveryMode = null;
        using var response = await TeamsChat.PostAsync(_host.Client, activity);
        response.EnsureSuccessStatusCode();
    }

    private List<string> Sent() => _connector.Requests.Select(r => r.Text).ToList();

    [Fact]
    public async Task A503FromTheConnector_IsRetried_AndTheDialogGoesOn()
    {
        var calls = 0;
        _connector.Respond = _ => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? new FakeConnector.Answer(503) : FakeConnector.Answer.Ok);

        await SayAsync("tạo đơn vị");

        var sent = Sent();
        Assert.Equal(2, sent.Count); // the refused reply and its retry, no apology
        Assert.All(sent, t => Assert.StartsWith(Template("dialog-unit-name"), t.Trim()));

        await SayAsync("Công an phường A");
        Assert.StartsWith(Template("dialog-unit-type", new { Name = "Công an phường A" }), Sent().Last().Trim());
    }

    [Fact]
    public async Task ATurnThatFails_KeepsTheConversationsDialog()
    {
        await SayAsync("tạo đơn vị");
        _connector.Respond = _ => Task.FromResult(new FakeConnector.Answer(500));

        await SayAsync("Công an phường A"); // the reply cannot be sent: the turn fails

        _connector.Respond = null;
        await SayAsync("Công an phường A");
        Assert.StartsWith(Template("dialog-unit-type", new { Name = "Công an phường A" }), Sent().Last().Trim());
    }

    [Theory]
    [InlineData("cancelled", true)]
    [InlineData("failed", true)]
    [InlineData("broken", false)]
    public async Task TheErrorHandler_ClearsStateOnlyWhenTheStateIsBroken(string failure, bool kept)
    {
        var conversationState = _host.App.Services.GetRequiredService<ConversationState>();
        var property = conversationState.CreateProperty<string>("probe");
        var activity = TeamsChat.Message("hi", channelId: "test");
        var turn = new TurnContext(new TestAdapter(), activity);
        await property.SetAsync(turn, "kept");
        await conversationState.SaveChangesAsync(turn);
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var http = new HttpContextAccessor { HttpContext = new DefaultHttpContext { RequestAborted = failure == "cancelled" ? aborted.Token : default } };
        var handler = new TurnErrorHandler(NullLogger<TurnErrorHandler>.Instance, Replies, conversationState, http);
        Exception exception = failure switch
        {
            "cancelled" => new OperationCanceledException(aborted.Token),
            "failed" => new HttpRequestException("connector down"),
            _ => new BrokenStateException("loops"),
        };

        await handler.HandleAsync(turn, exception);

        var fresh = new TurnContext(new TestAdapter(), activity);
        Assert.Equal(kept ? "kept" : null, await property.GetAsync(fresh, () => null!));
    }
}
