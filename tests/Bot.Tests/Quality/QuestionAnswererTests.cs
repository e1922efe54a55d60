using AnToan.Bot.Tests.Infrastructure;
using AnToan.Dialogs.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Quality;

/// <summary>What the dialog engine asks of the knowledge for a message that is no answer to its question.</summary>
public sealed class QuestionAnswererTests
{
    [Fact]
    public async Task Serves_CommandsAndWhatTheKnowledgeKnows_NotTheRest()
    {
        await using var host = await TestBotHost.StartAsync();
        var sut = host.App.Services.GetRequiredService<IQuestionAnswerer>();
        var own = ReplyTests.OwnSet();

        Assert.True(sut.Serves(own.First(q => q.InScope).Question));
        Assert.True(sut.Serves("xuất báo cáo"));
        Assert.False(sut.Serves(own.First(q => !q.InScope).Question));
        Assert.False(sut.Serves("abc xyz"));
    }
}
