using System.Text.RegularExpressions;
using AnToan.Bot.Channels.Zalo;
using AnToan.Dialogs;
using AnToan.Dialogs.Engine;
using AnToan.Dialogs.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace AnToan.Bot.Tests.Zalo;

/// <summary>A dialog driven the way a Zalo user drives it: by tapping the buttons the bot sent, whose payloads
/// come back as the user's text.</summary>
public sealed partial class ZaloDialogTests
{
    private const int MaxTurns = 60;

    [Fact]
    public async Task SelfAssessment_RunsToTheResult_ThroughTheButtonsTheBotSent()
    {
        await using var sut = await ZaloTestHost.StartAsync();
        var words = sut.Replies.Content.Part<DialogWords>();
        const string user = "leader";
        const string unitName = "THCS Nguyen Du";
        var say = sut.Replies.Content.Intents.Single(i => i.Id == "assessment.start").Examples[0];
        var typedName = false;
        string? unitType = null;
        var ratings = new List<string>();
        IReadOnlyList<SentMessage> turn;

        // Take the first button; the only question without buttons is the unit's name; the result ends the dialog
        // with what to do next.
        string[] next = [words.Button("progress"), words.Button("report"), words.Button("checklist")];
        // Ratings alternate met / unmet so that the result has both.
        for (var count = 0; ; count++)
        {
            Assert.True(count < MaxTurns, "the dialog did not end");
            turn = await sut.TurnAsync(user, say);
            Assert.NotEmpty(turn);
            Assert.All(turn, m => Assert.InRange(m.Buttons.Count, 0, ZaloMessages.MaxButtons));
            var payloads = turn[^1].Buttons.Where(b => b["type"]!.GetValue<string>() == "oa.query.show")
                .Select(b => b["payload"]!.GetValue<string>()).ToList();
            if (payloads.SequenceEqual(next)) break;
            if (payloads.Count == 0)
            {
                if (typedName) break;
                typedName = true;
                say = unitName;
                continue;
            }
            say = payloads[0];
            if (words.AssessmentRating.All(r => payloads.Contains(r.Label)))
            {
                var rating = ratings.Count % 2 == 0 ? words.AssessmentRating[0] : words.AssessmentRating[^1];
                ratings.Add(rating.Value);
                say = rating.Label;
            }
            else if (words.UnitTypes.All(t => payloads.Contains(t.Label)))
            {
                unitType = words.UnitTypes.Single(t => t.Label == say).Value;
            }
        }

        Assert.True(typedName);
        Assert.NotNull(unitType);
        var criteria = AssessmentDialog.CriteriaFor(sut.Replies.Content, unitType);
        Assert.True(criteria.Count >= 2);
        Assert.Equal(criteria.Count, ratings.Count);
        var expected = sut.Replies.Content.Templates.Render("dialog-assessment-result", new
        {
            Total = criteria.Count,
            Met = criteria.Where((_, i) => ratings[i] == "met").Select(c => c.Title).ToList(),
            Gaps = criteria.Select((c, i) => (Criterion: c, Rating: ratings[i])).Where(x => x.Rating != "met")
                .Select(x => new { x.Criterion.Title, x.Criterion.Remedy, Rating = DialogWords.Label(words.AssessmentRating, x.Rating) }).ToList(),
        });
        Assert.Equal(Normalize(ZaloText.StripMarkdown(expected)), Normalize(string.Join("\n", turn.Select(m => m.Text))));

        // The report, asked for on Zalo (no HTTP request behind the turn), comes as a link that downloads.
        var report = sut.Replies.Content.Intents.Single(i => i.Id == "report").Examples[0];
        var sent = string.Join("\n", (await sut.TurnAsync(user, report)).Select(m => m.Text));
        var link = Assert.Single(Url().Matches(sent), m => m.Value.Contains("/reports/")).Value;
        using var download = await sut.Host.Client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
    }

    /// <summary>Sends <paramref name="text"/> as the user and returns every message the bot posted in that turn.</summary>

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();

    [GeneratedRegex(@"https?://[^\s)]+")] private static partial Regex Url();
}
