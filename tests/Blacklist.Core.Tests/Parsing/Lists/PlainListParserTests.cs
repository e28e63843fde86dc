using System.Text;
using Blacklist.Core.Addresses;
using Blacklist.Core.Parsing;

namespace Blacklist.Core.Tests.Parsing.Lists;

public sealed class PlainListParserTests
{
    [Fact]
    public void Reads_every_address_form_with_comments_and_trailing_text()
    {
        const string text = """
            # whole-line hash comment
            ; whole-line semicolon comment

            1.2.3.4
            10.0.0.0/8 # trailing hash comment
            192.168.1.0/255.255.255.0 ; trailing semicolon comment
            172.16.0.1-172.16.0.9
            172.16.1.1 - 172.16.1.9 spaces around the dash
            2001:db8::/32	tab then text
            ::ffff:198.51.100.7
            203.0.113.5 scanner seen 2026-08-01
            """;

        var records = FeedSamples.Parse("plain", text);

        records.Rejections().ShouldBeEmpty();
        records.Ranges().ShouldBe([
            "1.2.3.4", "10.0.0.0/8", "192.168.1.0/24", "172.16.0.1-172.16.0.9", "172.16.1.1-172.16.1.9",
            "2001:db8::/32", "198.51.100.7", "203.0.113.5",
        ]);
        records.Select(r => r.Observation!.LineNumber).ShouldBe([4, 5, 6, 7, 8, 9, 10, 11]);
    }

    [Fact]
    public void Strips_the_bom_and_crlf_line_endings()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("1.2.3.4\r\n# c\r\n5.6.7.0/24\r\n\r\n9.9.9.9")).ToArray();

        var records = FeedSamples.Parse(new FeedParserSettings("txt"), new MemoryStream(bytes));

        records.Rejections().ShouldBeEmpty();
        records.Ranges().ShouldBe(["1.2.3.4", "5.6.7.0/24", "9.9.9.9"]);
        records.Select(r => r.Observation!.LineNumber).ShouldBe([1, 3, 5]);
    }

    [Fact]
    public void Reports_each_broken_line_with_its_number_and_reason_and_keeps_the_good_ones()
    {
        var longLine = new string('7', 100 * 1024);
        var lines = new[]
        {
            "# broken feed",         // 1
            "1.1.1.1",               // 2
            "999.1.1.1",             // 3
            "2.2.2.2",               // 4
            "1.2.3",                 // 5
            "abc",                   // 6
            "1.2.3.4/33",            // 7
            "3.3.3.3 # fine",        // 8
            "10.0.0.5-10.0.0.1",     // 9
            "::gg",                  // 10
            "4.4.4.\0",              // 11
            longLine,                // 12
            "5.5.5.5",               // 13
            "10.1.2.3/8",            // 14
            "300.1.2.3",             // 15
        };

        var records = FeedSamples.Parse("plain", string.Join("\n", lines) + "\n");

        records.Ranges().ShouldBe(["1.1.1.1", "2.2.2.2", "3.3.3.3", "5.5.5.5", "10.0.0.0/8"]);
        var rejected = records.Rejections().ToDictionary(i => i.LineNumber, i => i.Message);
        rejected.Keys.ShouldBe([3, 5, 6, 7, 9, 10, 11, 12, 15]);
        rejected[3].ShouldContain("octet 999 is over 255");
        rejected[5].ShouldContain("expected four numbers separated by dots, found 3");
        rejected[6].ShouldContain("'abc' is not an IP address");
        rejected[7].ShouldContain("/33");
        rejected[9].ShouldContain("ends before it starts");
        rejected[10].ShouldContain("'::gg' is not a valid IPv6 address");
        rejected[11].ShouldContain("NUL byte at column 7");
        rejected[12].ShouldContain("longer than 64 KiB");
        records.Rejections().Single(i => i.LineNumber == 15).ToString()
            .ShouldBe("line 15: '300.1.2.3' is not a valid IPv4 address: octet 300 is over 255.");

        var warning = records.Warnings().ShouldHaveSingleItem();
        warning.LineNumber.ShouldBe(14);
        warning.Message.ShouldBe("'10.1.2.3/8' has host bits set; using 10.0.0.0/8.");
    }

    [Fact]
    public void Fast_range_path_reports_the_same_issues_and_ranges_as_the_full_parse()
    {
        var text = "1.1.1.1\n999.1.1.1\n10.1.2.3/8\n2001:db8::1 # v6\nabc\n" + new string('x', 70_000) + "\n8.8.8.0/24\n";
        var issues = new List<ParseIssue>();
        var builder = new IpSetBuilder();

        FeedParsers.ReadRanges(FeedSamples.Utf8(text), new FeedParserSettings("plain"), builder, issues.Add);

        var parsed = FeedSamples.Parse("plain", text);
        builder.Build().Describe().ShouldBe(parsed.ToSet().Describe());
        issues.ShouldBe([.. parsed.Select(r => r.Issue).OfType<ParseIssue>()]);
        issues.Select(i => (i.LineNumber, i.Kind)).ShouldBe([(2, ParseIssueKind.Rejected), (3, ParseIssueKind.Warning), (5, ParseIssueKind.Rejected), (6, ParseIssueKind.Rejected)]);
    }

    [Fact]
    public void A_file_without_newlines_is_rejected_as_one_overlong_line_without_buffering_it()
    {
        var records = FeedSamples.Parse(new FeedParserSettings("plain"), new MemoryStream(new byte[3 * 1024 * 1024]));

        var issue = records.ShouldHaveSingleItem().Issue.ShouldNotBeNull();
        issue.LineNumber.ShouldBe(1);
        issue.Message.ShouldContain("longer than 64 KiB");
    }

    [Fact]
    public void Honours_cancellation_between_lines()
    {
        using var cancellation = new CancellationTokenSource();
        var parser = FeedParsers.Create(new FeedParserSettings("plain"));
        var seen = 0;

        Should.Throw<OperationCanceledException>(() =>
        {
            foreach (var unused in parser.Parse(FeedSamples.Utf8("1.1.1.1\n2.2.2.2\n3.3.3.3\n"), cancellation.Token))
            {
                seen++;
                cancellation.Cancel();
            }
        });
        seen.ShouldBe(1);
    }

    [Fact]
    public void Fast_range_path_honours_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Should.Throw<OperationCanceledException>(() => FeedParsers.ReadRanges(
            FeedSamples.Utf8("1.1.1.1\n"), new FeedParserSettings("plain"), new IpSetBuilder(), null, cancellation.Token));
    }
}
