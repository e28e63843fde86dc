using System.Text;
using Blacklist.Core.Parsing;

namespace Blacklist.Core.Tests.Parsing.Csv;

public sealed class CsvFeedParserTests
{
    private static readonly CsvColumnMapping Mapping = new()
    {
        Address = "ip",
        Reason = "reason",
        Category = "category",
        Country = "country",
        DetectedAt = "detected",
        ReleasedAt = "released",
        Confidence = "confidence",
    };

    [Fact]
    public void Maps_columns_by_header_name_and_reads_quoted_fields()
    {
        const string text = """"
            "IP", Reason ,category,country,detected,released,confidence,source
            1.2.3.4,"scanner, aggressive",scan,KR,2026-08-01,2026-11-01,80,honeypot
            "5.6.7.0/24","said ""hello""",,US,20260802,,,
            9.9.9.9,"a reason
            over two lines",c2,,2026/08/03 10:20,,100%,x
            """";

        var records = FeedSamples.Parse(new FeedParserSettings("csv") { Columns = Mapping }, FeedSamples.Utf8(text));

        records.Rejections().ShouldBeEmpty();
        records.Warnings().ShouldBeEmpty();
        var (first, second, third) = (records[0].Observation!, records[1].Observation!, records[2].Observation!);
        first.Range.ToString().ShouldBe("1.2.3.4");
        first.Reason.ShouldBe("scanner, aggressive");
        first.Category.ShouldBe("scan");
        first.Country.ShouldBe("KR");
        first.DetectedAt.ShouldBe(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero));
        first.ReleasedAt.ShouldBe(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        first.Confidence.ShouldBe(80);
        first.Attributes.ShouldBe(new Dictionary<string, string> { ["source"] = "honeypot" });
        first.LineNumber.ShouldBe(2);
        second.Range.ToString().ShouldBe("5.6.7.0/24");
        second.Reason.ShouldBe("said \"hello\"");
        second.Category.ShouldBeNull();
        second.DetectedAt.ShouldBe(new DateTimeOffset(2026, 8, 2, 0, 0, 0, TimeSpan.Zero));
        second.Attributes.ShouldBeNull();
        third.Reason.ShouldBe("a reason\nover two lines");
        third.DetectedAt.ShouldBe(new DateTimeOffset(2026, 8, 3, 10, 20, 0, TimeSpan.Zero));
        third.Confidence.ShouldBe(100);
        third.LineNumber.ShouldBe(4);
    }

    [Fact]
    public void Maps_by_index_with_another_delimiter_and_no_header()
    {
        var settings = new FeedParserSettings("csv")
        {
            Delimiter = ';',
            HasHeader = false,
            Columns = new CsvColumnMapping { Address = "1", Reason = "0" },
        };

        var records = FeedSamples.Parse(settings, FeedSamples.Utf8("phishing;1.2.3.4\n\"bot; net\";2001:db8::/48\n"));

        records.Select(r => (r.Observation!.Reason, r.Observation.Range.ToString())).ShouldBe([("phishing", "1.2.3.4"), ("bot; net", "2001:db8::/48")]);
    }

    [Fact]
    public void Reads_a_cp949_file_with_korean_headers_in_korea_time()
    {
        var korean = FeedSamples.Korean;
        const string text = "IP주소,탐지사유,국가,탐지일,해제일\r\n"
                            + "1.2.3.4,악성코드 유포,KR,2026-08-01,2026-10-30\r\n"
                            + "5.6.7.8,\"스캐닝, 무차별 대입\",CN,2026.08.02 13:45,2026.11.02\r\n";
        var settings = new FeedParserSettings("csv")
        {
            Encoding = "cp949",
            TimeZone = "Asia/Seoul",
            Columns = new CsvColumnMapping { Address = "IP주소", Reason = "탐지사유", Country = "국가", DetectedAt = "탐지일", ReleasedAt = "해제일" },
        };

        var records = FeedSamples.Parse(settings, new MemoryStream(korean.GetBytes(text)));

        records.Rejections().ShouldBeEmpty();
        var (first, second) = (records[0].Observation!, records[1].Observation!);
        first.Reason.ShouldBe("악성코드 유포");
        first.Country.ShouldBe("KR");
        first.DetectedAt.ShouldBe(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(9)));
        first.ReleasedAt.ShouldBe(new DateTimeOffset(2026, 10, 30, 0, 0, 0, TimeSpan.FromHours(9)));
        second.Reason.ShouldBe("스캐닝, 무차별 대입");
        second.DetectedAt.ShouldBe(new DateTimeOffset(2026, 8, 2, 13, 45, 0, TimeSpan.FromHours(9)));
    }

    [Fact]
    public void Euc_kr_is_read_as_cp949()
    {
        var korean = FeedSamples.Korean;
        var settings = new FeedParserSettings("csv") { Encoding = "EUC-KR", Columns = new CsvColumnMapping { Address = "IP주소", Reason = "탐지사유" } };

        // 똠 is outside EUC-KR proper; CP949 (what Korean "EUC-KR" files really are) has it.
        var records = FeedSamples.Parse(settings, new MemoryStream(korean.GetBytes("IP주소,탐지사유\n1.2.3.4,똠방각하\n")));

        records.ShouldHaveSingleItem().Observation!.Reason.ShouldBe("똠방각하");
    }

    [Fact]
    public void A_header_without_the_mapped_column_is_one_clear_error()
    {
        var records = FeedSamples.Parse(new FeedParserSettings("csv") { Columns = Mapping }, FeedSamples.Utf8("address,why\n1.2.3.4,x\n5.6.7.8,y\n"));

        var issue = records.ShouldHaveSingleItem().Issue!;
        issue.LineNumber.ShouldBe(1);
        issue.Message.ShouldContain("the header has no column for address 'ip'");
        issue.Message.ShouldContain("its columns are: 'address', 'why'");
    }

    [Fact]
    public void Bad_rows_are_rejected_and_bad_optional_fields_warned_with_line_numbers()
    {
        const string text = "ip,detected,confidence\n"
                            + "1.2.3.4,2026-08-01,50\n"
                            + "999.1.1.1,2026-08-01,50\n"
                            + ",2026-08-01,50\n"
                            + "5.6.7.8,2026-13-45,150\n"
                            + "9.9.9.9\n"
                            + "\"10.0.0.1,never closed\n";

        var records = FeedSamples.Parse(new FeedParserSettings("csv") { Columns = Mapping with { Reason = null, Category = null, Country = null, ReleasedAt = null } }, FeedSamples.Utf8(text));

        records.Ranges().ShouldBe(["1.2.3.4", "5.6.7.8", "9.9.9.9"]);
        records.Rejections().Select(i => i.ToString()).ShouldBe([
            "line 3: '999.1.1.1' is not a valid IPv4 address: octet 999 is over 255.",
            "line 4: the address column 'ip' is empty.",
            "line 7: a quoted field opened on line 7 is never closed; end it with '\"' and write a quote inside a field as \"\".",
        ]);
        var warning = records.Warnings().ShouldHaveSingleItem();
        warning.LineNumber.ShouldBe(5);
        warning.Message.ShouldContain("detection date '2026-13-45' in column 'detected' is not a date");
        warning.Message.ShouldContain("confidence '150' in column 'confidence' is not a whole number from 0 to 100");
        records.Single(r => r.Observation?.LineNumber == 5).Observation!.DetectedAt.ShouldBeNull();
    }

    [Fact]
    public void Skips_comment_and_blank_lines_and_strips_the_bom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("# exported 2026-08-22\r\nip,reason\r\n\r\n1.2.3.4,x\r\n")).ToArray();

        var records = FeedSamples.Parse(new FeedParserSettings("csv") { Columns = new CsvColumnMapping { Reason = "reason" } }, new MemoryStream(bytes));

        var observation = records.ShouldHaveSingleItem().Observation!;
        observation.Reason.ShouldBe("x");
        observation.LineNumber.ShouldBe(4);
    }
}
