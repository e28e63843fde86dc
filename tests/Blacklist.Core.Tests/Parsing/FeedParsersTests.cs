using Blacklist.Core.Addresses;
using Blacklist.Core.Parsing;

namespace Blacklist.Core.Tests.Parsing;

public sealed class FeedParsersTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("LIST", "plain")]
    [InlineData(" txt ", "plain")]
    [InlineData("netset", "firehol")]
    [InlineData("ipset", "firehol")]
    [InlineData("Spamhaus-Drop-Json", "spamhaus-drop-json")]
    public void Aliases_resolve_to_their_format(string name, string canonical)
        => FeedParsers.CanonicalFormat(name).ShouldBe(canonical);

    [Fact]
    public void Every_listed_format_has_a_parser()
    {
        FeedParsers.Formats.ShouldBe(["plain", "ipsum", "spamhaus-drop", "spamhaus-drop-json", "firehol", "csv", "feodo"]);
        foreach (var format in FeedParsers.Formats)
        {
            FeedParsers.Create(new FeedParserSettings(format)).ShouldNotBeNull();
        }
    }

    [Fact]
    public void An_unknown_format_is_an_argument_error_naming_the_known_ones()
    {
        var error = Should.Throw<ArgumentException>(() => FeedParsers.Create(new FeedParserSettings("xml")));

        error.Message.ShouldContain("Unknown feed format 'xml'; known formats: plain, ipsum, spamhaus-drop, spamhaus-drop-json, firehol, csv, feodo");
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\n')]
    [InlineData('、')]
    public void A_delimiter_that_cannot_work_is_refused(char delimiter)
        => Should.Throw<ArgumentException>(() => FeedParsers.Create(new FeedParserSettings("csv") { Delimiter = delimiter }))
            .Message.ShouldContain("cannot be used");

    [Fact]
    public void Headerless_csv_needs_index_mappings()
        => Should.Throw<ArgumentException>(() => FeedParsers.Create(new FeedParserSettings("csv") { HasHeader = false }))
            .Message.ShouldContain("without a header every column is mapped by its 0-based index; address 'ip' is not a number");

    [Theory]
    [InlineData("csv", "ip\n1.2.3.4\n5.6.7.0/24\n", 4)]
    [InlineData("spamhaus-drop-json", "{\"cidr\":\"1.2.3.4/32\"}\n{\"cidr\":\"5.6.7.0/24\"}\n", 3)]
    public void Ranges_of_other_formats_come_through_the_full_parser(string format, string text, int junkLine)
    {
        var builder = new IpSetBuilder();
        var issues = new List<ParseIssue>();

        FeedParsers.ReadRanges(FeedSamples.Utf8(text + "junk\n"), new FeedParserSettings(format), builder, issues.Add);

        builder.Build().Describe().ShouldBe(["1.2.3.4", "5.6.7.0/24"]);
        issues.ShouldHaveSingleItem().LineNumber.ShouldBe(junkLine);
    }
}
