using AnToan.Bot.Hosting;
using AnToan.Knowledge.Answers;
using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Flows;
using AnToan.Dialogs.Recognizers;
using AnToan.Dialogs.Throttling;
using AnToan.Dialogs.Units;
using AnToan.Knowledge;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AnToan.Dialogs.Tests.Conversations;

/// <summary>The dialogs, their engine, the unit commands and the interceptors in the host's order (TurnOrder), over
/// MemoryStorage, a fake unit store and a clock fixed on Tuesday 15 June 2021 in Hanoi, driven with the SDK's
/// TestAdapter/TestFlow.</summary>
/// <remarks>Not the whole bot: the knowledge matcher is replaced by <see cref="ExactIntentRouter"/> (a command typed as
/// one of its intent's examples, anything else marked as routed), so what these tests show does not depend on how
/// well questions are matched. The host's own wiring, matcher included, is driven end to end in Bot.Tests.</remarks>
public sealed class ConversationHarness
{
    public static readonly string ContentRoot = Path.Combine(AppContext.BaseDirectory, "Content");
    private static readonly KnowledgeStore SharedKnowledge = new(ContentRoot, [DialogWords.Part, VietnameseVocabulary.Part, AnswerNames.Part, DialogNames.Part]);

    public ConversationHarness(IEnumerable<string>? questions = null, IEnumerable<StepDialog>? extraDialogs = null)
    {
        Replies = new Replies(SharedKnowledge);
        var conversationState = new ConversationState(Storage);
        var userState = new UserState(Storage);
        var clock = new LocalClock(Time, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        Units = new FakeUnitStore(Time);
        Words = SharedKnowledge.Current.Part<DialogWords>();
        var recognizer = new AnswerRecognizer(SharedKnowledge, clock);
        StepDialog[] dialogs =
        [
            new ChecklistDialog(Replies, Units, clock),
            new AssessmentDialog(Replies, Units, clock),
            new UnitProfileDialog(Units, SharedKnowledge),
            new JoinUnitDialog(Units, new JoinThrottle(conversationState, userState, new MemoryThrottleCounters(), Time)),
            .. extraDialogs ?? [],
        ];
        Engine = new DialogEngine(conversationState, Replies, new PromptReader(recognizer, SharedKnowledge),
            new ExactIntentAnswerer(Replies, [.. questions ?? []]), new UnitResumePoint(Units, dialogs), dialogs, NullLogger<DialogEngine>.Instance);
        var commands = new UnitCommands(Engine, Units, new UnitProgress(Replies, Units, clock), Reports, Replies);
        var join = new JoinCommand(Engine, SharedKnowledge);
        var feedback = new FeedbackInterceptor(conversationState, Feedback, Replies, clock);
        Pipeline = new TurnPipeline(TurnOrder.Interceptors, [Engine, join, feedback]);
        Bot = new AnToanBot(Replies, conversationState, userState, new ExactIntentRouter(Replies, [commands, join]), Pipeline, []);
    }

    public MemoryStorage Storage { get; } = new();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2021, 6, 15, 2, 0, 0, TimeSpan.Zero));
    public Replies Replies { get; }
    public DialogWords Words { get; }
    public FakeUnitStore Units { get; }
    public DialogEngine Engine { get; }
    public FakeReportPublisher Reports { get; } = new();
    public FakeFeedbackStore Feedback { get; } = new();
    public TurnPipeline Pipeline { get; }
    public AnToanBot Bot { get; }

    /// <summary>A conversation of <paramref name="user"/> on the test channel (their member id is test:user).</summary>
    public TestFlow Flow(string user = "user1", string conversation = "conv1") =>
        new(new TestAdapter(TestAdapter.CreateConversation(conversation, user, "bot")), Bot.OnTurnAsync);

    /// <summary>A conversation as <paramref name="conversation"/> describes it (channel, group or not); each message
    /// says who sends it.</summary>
    public TestFlow Flow(ConversationReference conversation) => new(new TestAdapter(conversation), Bot.OnTurnAsync);

    public static MemberKey Member(string user = "user1") => new("test", user);

    public string Render(string template, object? model = null) => Replies.Content.Templates.Render(template, model);

    public IReadOnlyList<Knowledge.Model.ChecklistItem> Checklist => Replies.Content.Checklist;
}

public sealed class FakeReportPublisher : IReportPublisher
{
    public double LinkHours => 24;

    public List<UnitReport> Published { get; } = [];

    public Task<Uri> PublishAsync(UnitReport report, CancellationToken cancellationToken)
    {
        Published.Add(report);
        return Task.FromResult(new Uri($"https://bot.example/reports/{Published.Count}"));
    }
}

public sealed class FakeFeedbackStore : IFeedbackStore
{
    public List<FeedbackVote> Votes { get; } = [];

    public Task RecordVoteAsync(FeedbackVote vote, CancellationToken cancellationToken)
    {
        Votes.Add(vote);
        return Task.CompletedTask;
    }
}

/// <summary>Reads like the conversation: which kind of reply comes back.</summary>
public static class FlowExpectations
{
    public static TestFlow Says(this TestFlow flow, string fragment) =>
        flow.AssertReply(a => Assert.Contains(fragment, Text(a)), $"a reply containing \"{fragment}\"");

    public static TestFlow SaysNot(this TestFlow flow, string fragment) =>
        flow.AssertReply(a => Assert.DoesNotContain(fragment, Text(a)), $"a reply without \"{fragment}\"");

    /// <summary>A reply rendered from <paramref name="template"/> (its first line, with the given model).</summary>
    /// <summary>The dialog did not take the message: it went on to the router.</summary>
    public static TestFlow RoutedOutsideTheDialog(this TestFlow flow) => flow.Says(ExactIntentRouter.Marker);

    public static TestFlow SaysTemplate(this TestFlow flow, ConversationHarness h, string template, object? model = null)
    {
        var firstLine = h.Render(template, model).Split('\n')[0].Trim();
        return flow.AssertReply(a => Assert.StartsWith(firstLine, Text(a)), $"the reply of template {template}");
    }

    /// <summary>The question on checklist item <paramref name="number"/> (1-based).</summary>
    public static TestFlow AsksItem(this TestFlow flow, ConversationHarness h, int number) =>
        flow.AssertReply(a =>
        {
            Assert.Contains($"{number}/{h.Checklist.Count}: {h.Checklist[number - 1].Title}", Text(a));
            Assert.Contains(h.Words.Guide.Label, ((IMessageActivity)a).SuggestedActions.Actions.Select(x => x.Title));
        }, $"the question on item {number}");

    public static string Text(IActivity activity) => ((IMessageActivity)activity).Text ?? "";
}
