using Blacklist.Core.Addresses;
using Blacklist.Core.Rendering;
using static Blacklist.Core.Tests.Rendering.Rendered;

namespace Blacklist.Core.Tests.Rendering;

public sealed class NftRenderingTests
{
    [Fact]
    public void The_script_flushes_and_refills_interval_sets_in_one_transaction()
    {
        string[] expected =
        [
            "# active, version 42, generated 2026-08-22T10:15:00Z: 7 entries",
            "# Load with: nft -f FILE (one transaction). Sets: inet blacklist active-v4 (IPv4), active-v6 (IPv6).",
            "add table inet blacklist",
            "add set inet blacklist active-v4 { type ipv4_addr; flags interval; }",
            "add set inet blacklist active-v6 { type ipv6_addr; flags interval; }",
            "flush set inet blacklist active-v4",
            "flush set inet blacklist active-v6",
            "add element inet blacklist active-v4 {",
            "\t1.2.3.4,",
            "\t5.6.0.0/16,",
            "\t7.7.7.1-7.7.7.9,",
            "\t10.0.0.0-10.0.0.2",
            "}",
            "add element inet blacklist active-v6 {",
            "\t2001:db8::1,",
            "\t2001:db8:1::/48,",
            "\t2001:db8:2::1-2001:db8:2::3",
            "}",
            "",
        ];
        Text(ListFormat.Nft, Input(Sample)).ShouldBe(string.Join('\n', expected));
    }

    [Fact]
    public void Empty_sets_get_no_element_statement()
    {
        var text = Text(ListFormat.Nft, Input(IpSet.Empty));
        text.ShouldNotContain("element");
        text.ShouldEndWith("flush set inet blacklist active-v6\n");
    }

    [Fact]
    public void A_cap_is_noted_in_the_header()
        => Text(ListFormat.Nft, Input(Sample, totalBeforeCap: 10)).ShouldStartWith(
            "# active, version 42, generated 2026-08-22T10:15:00Z: 7 entries\n# capped: 7 of 10 entries served, 3 dropped\n");

    [Fact]
    public void Long_lists_are_split_into_bounded_statements_that_hold_every_element()
    {
        var builder = new IpSetBuilder();
        const int count = (2 * NftRenderer.ElementsPerStatement) + 5;
        for (uint i = 0; i < count; i++)
        {
            builder.AddV4(i * 4, i * 4); // never adjacent, so nothing merges
        }

        var lines = Text(ListFormat.Nft, Input(builder.Build())).Split('\n');
        lines.Count(l => l.StartsWith("add element inet blacklist active-v4 {", StringComparison.Ordinal)).ShouldBe(3);
        lines.Count(l => l == "}").ShouldBe(3);

        var elements = lines.Where(l => l.StartsWith('\t')).Select(l => l.Trim().TrimEnd(',')).ToList();
        elements.Count.ShouldBe(count);
        IpSet.FromRanges(elements.Select(Range)).RangeCount.ShouldBe(count);

        // The last element of each statement has no comma; every other one has.
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (lines[i].StartsWith('\t'))
            {
                lines[i].EndsWith(',').ShouldBe(lines[i + 1] != "}", $"line {i + 1}: {lines[i]}");
            }
        }
    }
}
