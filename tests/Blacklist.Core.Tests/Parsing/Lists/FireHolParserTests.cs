namespace Blacklist.Core.Tests.Parsing.Lists;

public sealed class FireHolParserTests
{
    [Theory]
    [InlineData("firehol")]
    [InlineData("netset")]
    [InlineData("ipset")]
    public void Reads_entries_and_takes_the_category_from_the_header(string format)
    {
        var records = FeedSamples.ParseFile(format, "parsers/firehol_level1.netset");

        records.Rejections().ShouldBeEmpty();
        records.Ranges().ShouldBe(["0.0.0.0/8", "1.10.16.0/20", "5.134.128.0/19", "23.26.231.0/24", "31.24.81.0/24", "45.148.10.95", "223.254.0.0/16"]);
        records.ShouldAllBe(r => r.Observation!.Category == "attacks");
    }

    [Fact]
    public void Without_a_category_line_entries_have_none()
    {
        FeedSamples.Parse("firehol", "# Maintainer : someone\n1.2.3.4\n").ShouldHaveSingleItem().Observation!.Category.ShouldBeNull();
    }
}
