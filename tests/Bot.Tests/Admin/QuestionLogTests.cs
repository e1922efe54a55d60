using System.Net.Http.Json;
using System.Text.Json;
using AnToan.Bot.Admin;
using AnToan.Bot.Tests.Dialogs;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Bot.Tests.Admin;

/// <summary>Questions reach the questions view through the KnowledgeAnswer trace the bot sends (DESIGN.md), on any channel.</summary>
public sealed class QuestionLogTests
{
    /// <summary>Answers like the knowledge router does: a trace, then a reply; it cannot answer questions about gold ("vàng").</summary>
    private sealed class TracingRouter : IMessageRouter
    {
        public async Task RouteAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
        {
            var query = turnContext.Activity.Text;
            var answered = !query.Contains("vàng");
            await turnContext.SendActivityAsync(Activity.CreateTraceActivity("KnowledgeAnswer", "antoan/knowledge-answer",
                new KnowledgeTrace(query, answered, answered ? "p-1" : null, 1.0, [])), cancellationToken);
            await turnContext.SendActivityAsync("ok", cancellationToken: cancellationToken);
        }
    }

    [Fact]
    public async Task QuestionsAskedOnTwoChannels_AreCountedTogether_AndUnansweredOnesListed()
    {
        var clock = new FakeTimeProvider(AdminHost.Start);
        await using var host = await TestBotHost.StartAsync(settings: [$"Admin:ApiKey={AdminHost.Key}"], clock: clock,
            configure: b => b.Services.AddSingleton<IMessageRouter, TracingRouter>());
        await new ChatClient(host.Client, "an", "c1").SayAsync("Hạn nộp hồ sơ là khi nào?");
        clock.Advance(TimeSpan.FromDays(7));
        await new ChatClient(host.Client, "binh", "c2", channelId: "msteams").SayAsync("han nop ho so la khi nao");
        await new ChatClient(host.Client, "binh", "c2", channelId: "msteams").SayAsync("Giá vàng hôm nay?");
        using var admin = new HttpClient { BaseAddress = host.Client.BaseAddress };
        admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminHost.Key);

        var view = await admin.GetFromJsonAsync<JsonElement>("/api/admin/questions");

        var most = view.GetProperty("mostAsked")[0];
        Assert.Equal("Hạn nộp hồ sơ là khi nào?", most.GetProperty("text").GetString());
        Assert.Equal(2, most.GetProperty("count").GetInt32());
        Assert.Equal("Giá vàng hôm nay?", Assert.Single(view.GetProperty("unanswered").EnumerateArray()).GetProperty("text").GetString());
        var weeks = view.GetProperty("perWeek").EnumerateArray().Select(w => w.GetProperty("asked").GetInt32()).ToList();
        Assert.Equal([1, 2], weeks[^2..]);
        Assert.Equal(3, host.App.Services.GetRequiredService<IQuestionLog>().Questions(AdminHost.Start).Count);
    }
}
