using System.Net.Http.Json;
using System.Text.Json;
using AnToan.Bot.Tests.Dialogs;
using AnToan.Bot.Tests.Infrastructure;
using AnToan.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Admin;

/// <summary>Questions asked in the chat and the votes on their answers, seen in the questions view (real matcher and feedback store).</summary>
public sealed class QuestionsEndToEndTests
{
    [Fact]
    public async Task AskedQuestions_UnansweredOnes_AndDownVotes_ReachTheQuestionsView()
    {
        await using var host = await TestBotHost.StartAsync(settings: [$"Admin:ApiKey={AdminHost.Key}"],
            clock: DialogHost.NewClock());
        var passage = host.App.Services.GetRequiredService<KnowledgeStore>().Current.Passages.First(p => p.Paraphrases is { Count: > 0 });
        var question = passage.Paraphrases![0];
        var an = new ChatClient(host.Client, "an", "conv-an");
        await an.SayAsync(question);
        await an.SayAsync("👎");
        await new ChatClient(host.Client, "binh", "conv-binh", "msteams").SayAsync(question.ToUpperInvariant());
        await an.SayAsync("Giá vàng hôm nay bao nhiêu một chỉ?");
        using var admin = new HttpClient { BaseAddress = host.Client.BaseAddress };
        admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminHost.Key);

        var view = await admin.GetFromJsonAsync<JsonElement>("/api/admin/questions");

        var most = view.GetProperty("mostAsked")[0];
        Assert.Equal(question, most.GetProperty("text").GetString());
        Assert.Equal(2, most.GetProperty("count").GetInt32());
        Assert.Equal(0, most.GetProperty("unanswered").GetInt32());
        Assert.Equal("Giá vàng hôm nay bao nhiêu một chỉ?", Assert.Single(view.GetProperty("unanswered").EnumerateArray()).GetProperty("text").GetString());
        var down = Assert.Single(view.GetProperty("downVoted").EnumerateArray());
        Assert.Equal(question, down.GetProperty("question").GetString());
        Assert.Equal(1, down.GetProperty("down").GetInt32());
        Assert.Equal(3, view.GetProperty("perWeek").EnumerateArray().Last().GetProperty("asked").GetInt32());
    }
}
