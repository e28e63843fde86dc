using System.Text;
using Blacklist.Core.Parsing;

namespace Blacklist.Core.Tests.Parsing.Text;

public sealed class FeedEncodingsTests
{
    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void A_utf16_bom_wins_over_the_declared_encoding(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("1.2.3.4\n# c\n2001:db8::1\n")).ToArray();

        var records = FeedSamples.Parse(new FeedParserSettings("plain"), new MemoryStream(bytes));

        records.Rejections().ShouldBeEmpty();
        records.Ranges().ShouldBe(["1.2.3.4", "2001:db8::1"]);
    }

    [Theory]
    [InlineData("cp949")]
    [InlineData("euc-kr")]
    [InlineData("949")]
    [InlineData("windows-1252")]
    [InlineData("UTF-8")]
    [InlineData("iso-8859-1")]
    public void Known_encoding_names_are_accepted(string name)
        => FeedParsers.Create(new FeedParserSettings("plain") { Encoding = name }).ShouldNotBeNull();

    [Fact]
    public void An_unknown_encoding_is_an_argument_error_that_names_the_choices()
        => Should.Throw<ArgumentException>(() => FeedParsers.Create(new FeedParserSettings("csv") { Encoding = "klingon" }))
            .Message.ShouldContain("Unknown text encoding 'klingon'; use utf-8, cp949");
}
