using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace AnToan.Bot.Tests.Dialogs;

public sealed class ReportEndToEndTests
{
    [Fact]
    public async Task Report_IsAValidWordDocumentWithTheUnitsAnswers_BehindALinkThatExpires()
    {
        var clock = DialogHost.NewClock();
        await using var host = await DialogHost.StartAsync(clock);
        var an = new ChatClient(host.Client, "an", "conv-an");
        await DialogHost.CreateUnitAsync(an, "Công ty TNHH Minh Phát");
        await an.SayAsync("danh mục việc cần làm");
        await an.SayAsync("đã làm 05/3/2021, Nghị quyết số 05-NQ/ĐU <b>&</b>");
        await an.SayAsync("hủy");
        await an.SayAsync("tự đánh giá");
        await an.SayAsync("một phần - Kế hoạch số 12/KH");
        await an.SayAsync("tạm dừng");

        var reply = string.Join("\n", await an.SayAsync("xuất báo cáo"));
        var link = Regex.Match(reply, @"\((http://127\.0\.0\.1:\d+/reports/[0-9a-f]{32})\)").Groups[1].Value;
        Assert.True(link.Length > 0, reply);
        Assert.Contains("24 giờ", reply);
        using (var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, link)))
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);

        using var response = await host.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "the report link is the only key to it: no cache may keep it");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using (var document = WordprocessingDocument.Open(stream, false))
        {
            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.Empty(errors);
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            var content = DialogHost.Content(host);
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
            Assert.Contains("Công ty TNHH Minh Phát", text);
            Assert.Contains(content.Checklist[0].Title, text);
            Assert.Contains("05/03/2021", text);
            Assert.Contains("Nghị quyết số 05-NQ/ĐU <b>&</b>", text);
            Assert.Contains("Kế hoạch số 12/KH", text);
            Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", text);
            Assert.Contains(AnToan.Bot.Admin.AdminWording.For(content).Unanswered, text);
            Assert.Contains(content.Criteria.First(c => c.UnitTypes.Contains("doanh-nghiep")).Remedy, text);
        }

        clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/reports/00000000000000000000000000000000")).StatusCode);
    }
}
