using Blacklist.Core.Addresses;
using Blacklist.Core.Rendering;
using Blacklist.Core.Tests.Addresses;
using CsCheck;
using static Blacklist.Core.Tests.Rendering.Rendered;

namespace Blacklist.Core.Tests.Rendering;

public sealed class TextListRenderingTests
{
    /// <summary>The formats that write one entry per line.</summary>
    public static TheoryData<ListFormat> LineFormats() => new(ListFormat.Plain, ListFormat.Cidr, ListFormat.Range, ListFormat.FortiGate, ListFormat.Edl);

    [Fact]
    public void Plain_writes_the_minimal_cidr_cover_with_single_addresses_bare()
    {
        Text(ListFormat.Plain, Input(Sample)).ShouldBe(
            """
            1.2.3.4
            5.6.0.0/16
            7.7.7.1
            7.7.7.2/31
            7.7.7.4/30
            7.7.7.8/31
            10.0.0.0/31
            10.0.0.2
            2001:db8::1
            2001:db8:1::/48
            2001:db8:2::1
            2001:db8:2::2/127

            """);
    }

    [Fact]
    public void Cidr_writes_every_block_with_its_prefix_length()
    {
        Text(ListFormat.Cidr, Input(Sample)).ShouldBe(
            """
            1.2.3.4/32
            5.6.0.0/16
            7.7.7.1/32
            7.7.7.2/31
            7.7.7.4/30
            7.7.7.8/31
            10.0.0.0/31
            10.0.0.2/32
            2001:db8::1/128
            2001:db8:1::/48
            2001:db8:2::1/128
            2001:db8:2::2/127

            """);
    }

    [Fact]
    public void Range_writes_merged_ranges_first_to_last()
    {
        Text(ListFormat.Range, Input(Sample)).ShouldBe(
            """
            1.2.3.4
            5.6.0.0-5.6.255.255
            7.7.7.1-7.7.7.9
            10.0.0.0-10.0.0.2
            2001:db8::1
            2001:db8:1::-2001:db8:1:ffff:ffff:ffff:ffff:ffff
            2001:db8:2::1-2001:db8:2::3

            """);
    }

    [Theory]
    [InlineData(ListFormat.FortiGate)]
    [InlineData(ListFormat.Edl)]
    public void Firewall_feeds_write_each_merged_range_in_its_shortest_form(ListFormat format)
    {
        Text(format, Input(Sample)).ShouldBe(
            """
            1.2.3.4
            5.6.0.0/16
            7.7.7.1-7.7.7.9
            10.0.0.0-10.0.0.2
            2001:db8::1
            2001:db8:1::/48
            2001:db8:2::1-2001:db8:2::3

            """);
    }

    [Theory]
    [MemberData(nameof(LineFormats))]
    public void An_empty_set_renders_as_nothing(ListFormat format)
        => Bytes(format, Input(IpSet.Empty)).ShouldBeEmpty();

    [Fact]
    public void The_whole_address_space_is_one_line_per_family()
    {
        var everything = Set("0.0.0.0/0", "::/0");
        Text(ListFormat.Plain, Input(everything)).ShouldBe("0.0.0.0/0\n::/0\n");
        Text(ListFormat.Range, Input(everything)).ShouldBe("0.0.0.0-255.255.255.255\n::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff\n");
        Text(ListFormat.FortiGate, Input(everything)).ShouldBe("0.0.0.0/0\n::/0\n");
    }

    [Fact]
    public void A_capped_plain_list_says_so_in_a_header_comment_above_the_same_lines()
        => Text(ListFormat.Plain, Input(Sample, totalBeforeCap: 20)).ShouldBe(
            "# active, version 42, generated 2026-08-22T10:15:00Z: 12 entries\n"
            + "# capped: 12 of 20 entries served, 8 dropped\n"
            + Text(ListFormat.Plain, Input(Sample)));

    [Fact]
    public void A_capped_range_list_says_so_in_a_header_comment()
        => Text(ListFormat.Range, Input(Sample, totalBeforeCap: 9)).ShouldStartWith(
            "# active, version 42, generated 2026-08-22T10:15:00Z: 7 entries\n# capped: 7 of 9 entries served, 2 dropped\n1.2.3.4\n");

    [Fact]
    public void A_capped_edl_notes_the_cap_after_its_first_entry_as_pan_os_allows()
    {
        var text = Text(ListFormat.Edl, Input(Sample, totalBeforeCap: 9));
        text.ShouldStartWith("1.2.3.4 # capped: 7 of 9 entries served, 2 dropped\n5.6.0.0/16\n");
        text.Split('\n').Count(l => l.Contains('#', StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public void A_capped_fortigate_feed_has_no_comment_because_fortios_counts_every_line()
        => Text(ListFormat.FortiGate, Input(Sample, totalBeforeCap: 9)).ShouldBe(Text(ListFormat.FortiGate, Input(Sample)));

    [Theory]
    [MemberData(nameof(LineFormats))]
    public void Each_line_parses_back_to_the_same_set(ListFormat format)
    {
        ParseLines(Text(format, Input(Sample))).ShouldEqual(Sample);
        ParseLines(Text(format, Input(Sample, totalBeforeCap: 100))).ShouldEqual(Sample);
    }

    [Theory]
    [MemberData(nameof(LineFormats))]
    public void Random_sets_at_the_edges_of_both_families_parse_back_unchanged(ListFormat format)
    {
        var windows = AddressWindow.Parse("v4-zero+v4-top+v4-straddle+v6-zero+v6-top+v6-straddle");
        AddressWindow.Ranges(windows).Array[0, 30].Sample(
            ranges =>
            {
                var set = IpSet.FromRanges(ranges);
                ParseLines(Text(format, Input(set))).ShouldEqual(set);
            },
            iter: 300);
    }

    [Theory]
    [InlineData(ListFormat.Plain)]
    [InlineData(ListFormat.Range)]
    [InlineData(ListFormat.FortiGate)]
    public void Lines_match_the_entry_count_used_for_device_limits(ListFormat format)
    {
        var lines = Text(format, Input(Sample)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        ListRenderers.CountEntries(format, Sample).ShouldBe(lines);
    }
}
