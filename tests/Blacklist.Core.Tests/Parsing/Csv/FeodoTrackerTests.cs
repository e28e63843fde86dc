namespace Blacklist.Core.Tests.Parsing.Csv;

public sealed class FeodoTrackerTests
{
    [Fact]
    public void Reads_the_c2_blocklist_with_its_commented_header()
    {
        var records = FeedSamples.ParseFile("feodo", "parsers/feodo-ipblocklist.csv");

        records.Rejections().ShouldBeEmpty();
        records.Ranges().ShouldBe(["162.243.103.246", "50.16.16.211", "185.117.75.119"]);
        var first = records[0].Observation!;
        first.Reason.ShouldBe("Emotet");
        first.Category.ShouldBe("botnet-c2");
        first.DetectedAt.ShouldBe(new DateTimeOffset(2023, 10, 17, 19, 32, 18, TimeSpan.Zero));
        first.Attributes.ShouldBe(new Dictionary<string, string> { ["port"] = "8080", ["status"] = "online", ["last_online"] = "2026-08-22" });
        first.LineNumber.ShouldBe(10);
    }

    [Fact]
    public void Reads_the_header_when_it_is_not_commented()
    {
        const string text = "\"first_seen_utc\",\"dst_ip\",\"dst_port\",\"c2_status\",\"last_online\",\"malware\"\n"
                            + "\"2024-02-01 05:10:44\",\"50.16.16.211\",\"443\",\"offline\",\"2026-08-20\",\"QakBot\"\n";

        var observation = FeedSamples.Parse("feodo", text).ShouldHaveSingleItem().Observation!;

        observation.Reason.ShouldBe("QakBot");
        observation.Attributes!["status"].ShouldBe("offline");
    }
}
