namespace Blacklist.Core.Tests.Parsing.Lists;

public sealed class SpamhausDropParserTests
{
    [Fact]
    public void Reads_prefixes_with_their_sbl_ids_and_skips_the_header()
    {
        var records = FeedSamples.ParseFile("spamhaus-drop", "parsers/spamhaus-drop.txt");

        records.Rejections().ShouldBeEmpty();
        records.Ranges().ShouldBe(["1.10.16.0/20", "1.19.0.0/16", "2.56.192.0/22", "5.134.128.0/19", "223.254.0.0/16"]);
        var first = records[0].Observation!;
        first.Reason.ShouldBe("SBL256894");
        first.Attributes!["sblid"].ShouldBe("SBL256894");
        first.LineNumber.ShouldBe(5);
    }

    [Fact]
    public void A_prefix_without_an_id_is_still_an_entry()
    {
        var observation = FeedSamples.Parse("spamhaus-drop", "1.2.3.0/24\n").ShouldHaveSingleItem().Observation!;

        observation.Reason.ShouldBeNull();
        observation.Attributes.ShouldBeNull();
    }
}
