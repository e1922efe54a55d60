using AnToan.Bot.Admin;
using AnToan.Bot.Storage;

namespace AnToan.Bot.Tests.Admin;

/// <summary>Units, questions and announcements the tests put in place of the stores that own them.</summary>
public sealed class FakeSources : IUnitDirectory, IQuestionLog, IAnnouncementLog
{
    public List<DirectoryUnit> UnitList { get; } = [];
    public List<DirectoryMember> MemberList { get; } = [];
    public List<DirectoryAnswer> AnswerList { get; } = [];
    public List<AskedQuestion> QuestionList { get; } = [];
    public List<AnswerVote> VoteList { get; } = [];
    public List<UpcomingAnnouncement> UpcomingList { get; } = [];
    public List<DeliveryRecord> DeliveryList { get; } = [];
    public List<SubscriptionRecord> SubscriptionList { get; } = [];

    public IReadOnlyList<DirectoryUnit> Units() => UnitList;
    public IReadOnlyList<DirectoryMember> Members() => MemberList;
    public IReadOnlyList<DirectoryAnswer> Answers() => AnswerList;
    public IReadOnlyList<AskedQuestion> Questions(DateTimeOffset since) => QuestionList.Where(q => q.At >= since).ToList();
    public IReadOnlyList<AnswerVote> Votes(DateTimeOffset since) => VoteList.Where(v => v.At >= since).ToList();
    public IReadOnlyList<UpcomingAnnouncement> Upcoming(DateOnly from, DateOnly to) => UpcomingList.Where(a => a.Day >= from && a.Day <= to).ToList();
    public IReadOnlyList<DeliveryRecord> RecentDeliveries(int count) => DeliveryList.OrderByDescending(d => d.At).Take(count).ToList();
    public IReadOnlyList<SubscriptionRecord> Subscriptions() => SubscriptionList;

    public DirectoryUnit AddUnit(string name, string type, long? headcount, DateTimeOffset createdAt, params string[] members)
    {
        var unit = new DirectoryUnit($"u{UnitList.Count + 1}", name, type, headcount, $"CODE{UnitList.Count + 1}", createdAt);
        UnitList.Add(unit);
        foreach (var member in members) MemberList.Add(new DirectoryMember(unit.Id, $"web:{member}", member));
        return unit;
    }

    /// <param name="year">The guidance year of the list: the shipped content's guidance is 2021's.</param>
    public void Answer(DirectoryUnit unit, string list, string itemId, string status, DateTimeOffset at, string by = "An", string? note = null, int? year = 2021, string? date = null) =>
        AnswerList.Add(new DirectoryAnswer(unit.Id, list, year, itemId, status, date, note, $"web:{by}", by, at));
}
