namespace Blacklist.Core.Tests.Parsing.Json;

public sealed class SpamhausDropJsonParserTests
{
    [Fact]
    public void Reads_entries_and_treats_the_metadata_line_as_no_entry()
    {
        var records = FeedSamples.ParseFile("spamhaus-drop-json", "parsers/drop_v4.json");

        records.Rejections().ShouldBeEmpty();
        records.Ranges().ShouldBe(["1.10.16.0/20", "1.19.0.0/16", "2.56.192.0/22", "2a06:e480::/29"]);
        var first = records[0].Observation!;
        first.Reason.ShouldBe("SBL256894");
        first.Attributes.ShouldBe(new Dictionary<string, string> { ["sblid"] = "SBL256894", ["rir"] = "apnic" });
    }

    [Fact]
    public void Reports_bad_json_lines_by_number_and_keeps_the_rest()
    {
        const string text = """
            {"cidr":"1.2.3.0/24","sblid":"SBL1"}
            {"cidr":"1.2.3.0/24"
            not json
            {"sblid":"SBL2"}
            {"cidr":"300.0.0.0/8"}
            {"cidr":"5.6.7.0/24","extra":{"nested":[1,2]}} trailing
            {"cidr":"8.8.8.8/24","sblid":"SBL3"}
            """;

        var records = FeedSamples.Parse("spamhaus-drop-json", text);

        records.Ranges().ShouldBe(["1.2.3.0/24", "8.8.8.0/24"]);
        var rejected = records.Rejections().ToDictionary(i => i.LineNumber, i => i.Message);
        rejected.Keys.ShouldBe([2, 3, 4, 5, 6]);
        rejected[2].ShouldStartWith("line is not valid JSON");
        rejected[3].ShouldStartWith("line is not valid JSON");
        rejected[4].ShouldContain("no \"cidr\" text field");
        rejected[5].ShouldContain("octet 300 is over 255");
        rejected[6].ShouldStartWith("line is not valid JSON");
        records.Warnings().ShouldHaveSingleItem().LineNumber.ShouldBe(7);
    }
}
