using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AnToan.Bot.Tests.Content;

/// <summary>Builds .docx files in memory for tests of the import: one Word paragraph per line given.</summary>
public static class DocxBuilder
{
    /// <summary>A .docx whose body is <paramref name="paragraphs"/>, one paragraph each ("" for an empty one).</summary>
    public static byte[] Create(IEnumerable<string> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p) { Space = SpaceProcessingModeValues.Preserve })))));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static byte[] Create(params string[] paragraphs) => Create(paragraphs.AsEnumerable());

    /// <summary>The paragraphs of a provincial guidance for <paramref name="year"/> in the shape of 413/HD-CAT-PV05: header,
    /// number, place and date, title, then a target of 92% and the dossier <paramref name="deadline"/>, sent to Công an cấp xã.</summary>
    public static IReadOnlyList<string> Guidance(int year, DateOnly deadline, string number = "15/HD-CAT-PV05", DateOnly? issued = null)
    {
        var on = issued ?? new DateOnly(year, 1, 5);
        var d = deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return
        [
            "CÔNG AN TỈNH BÌNH DƯƠNG",
            "PHÒNG PV05",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            $"Số: {number}",
            $"Bình Dương, ngày {on.Day:00} tháng {on.Month:00} năm {on.Year}",
            "HƯỚNG DẪN",
            $"Công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc trong cơ quan, doanh nghiệp, nhà trường năm {year}",
            $"Thực hiện Kế hoạch số 20/KH-BCĐ-CAT, ngày 02/01/{year} của Ban Chỉ đạo tỉnh về phong trào toàn dân bảo vệ an ninh Tổ quốc, Công an tỉnh hướng dẫn công tác xây dựng phong trào trong cơ quan, doanh nghiệp, nhà trường năm {year} như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            $"Phấn đấu trên 92% cơ quan, doanh nghiệp, nhà trường trên địa bàn toàn tỉnh đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm {year}.",
            "II. NỘI DUNG",
            $"1. Ngay từ đầu năm, cấp ủy, thủ trưởng các cơ quan, doanh nghiệp, nhà trường ban hành Nghị quyết chuyên đề và kế hoạch xây dựng phong trào năm {year} tại đơn vị mình.",
            "2. Tổ chức tốt các hoạt động Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8) và tổ chức rà soát các quy chế, nội quy, phương án bảo vệ cơ quan, doanh nghiệp, nhà trường.",
            $"3. Qua sơ kết, đánh giá việc thực hiện tiêu chí, hoàn thành hồ sơ đề nghị công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm {year} trước ngày {d} và gửi Công an cấp xã để tập hợp, thẩm định, đề nghị Ủy ban nhân dân cùng cấp ban hành quyết định công nhận.",
            "Nơi nhận:",
            "- Như trên;",
            "- Lưu: VT, PV05.",
            "KT. GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
        ];
    }
}
