using System.Text.RegularExpressions;
using Blacklist.Core.Addresses;
using Blacklist.Core.Parsing;

namespace Blacklist.Core.Tests.Parsing.Lists;

public sealed partial class IpsumParserTests
{
    private const string IpsumFile = "ipsum-2026-08-22.txt";

    [Fact]
    public void Reads_the_real_ipsum_file_with_one_scored_observation_per_entry_line()
    {
        // An independent reading: every line that is not a comment is "address<TAB>count".
        var expected = File.ReadLines(FeedSamples.DataFile(IpsumFile)).Where(line => !line.StartsWith('#')).ToList();
        expected.ShouldAllBe(line => EntryLine().IsMatch(line));

        var records = FeedSamples.ParseFile("ipsum", IpsumFile);

        records.Rejections().ShouldBeEmpty();
        records.Warnings().ShouldBeEmpty();
        records.Count.ShouldBeGreaterThan(100_000);
        var observations = records.Select(r => r.Observation!).ToList();
        observations.Select(o => $"{o.Range}\t{o.Score}").ToList().ShouldBeSequence(expected);
        observations[0].Attributes!["lists"].ShouldBe("10");
        observations[0].LineNumber.ShouldBe(8);
    }

    [Fact]
    public void Fast_range_path_gives_the_same_set_as_the_full_parse_on_the_real_file()
    {
        var builder = new IpSetBuilder();
        var issues = 0;
        using (var file = File.OpenRead(FeedSamples.DataFile(IpsumFile)))
        {
            FeedParsers.ReadRanges(file, new FeedParserSettings("ipsum"), builder, _ => issues++);
        }

        issues.ShouldBe(0);
        var fast = builder.Build();
        fast.RangeCount.ShouldBeGreaterThan(50_000);
        fast.Ranges().ToList().ShouldBeSequence(FeedSamples.ParseFile("ipsum", IpsumFile).ToSet().Ranges().ToList());
    }

    [Fact]
    public void Keeps_an_address_whose_count_is_not_a_number_with_a_warning()
    {
        var records = FeedSamples.Parse("ipsum", "# IP\tnumber of (black)lists\n1.2.3.4\t3\n5.6.7.8\tmany\n9.9.9.9\n");

        records.Select(r => r.Observation!.Score).ShouldBe([3, null, null]);
        var warning = records.Warnings().ShouldHaveSingleItem();
        warning.LineNumber.ShouldBe(3);
        warning.Message.ShouldContain("'many' is not a whole number");
    }

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){3}\t\d+$")]
    private static partial Regex EntryLine();
}
