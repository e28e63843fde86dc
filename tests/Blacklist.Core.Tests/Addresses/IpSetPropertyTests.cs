using Blacklist.Core.Addresses;
using CsCheck;

namespace Blacklist.Core.Tests.Addresses;

/// <summary>
/// Random sets in small address windows, checked address by address against <see cref="AddressOracle"/>.
/// </summary>
public sealed class IpSetPropertyTests
{
    private const long Iterations = 250;

    public static TheoryData<string> Windows() => new(
        "v4-zero", "v4-ten", "v4-top", "v4-straddle",
        "v6-zero", "v6-doc", "v6-top", "v6-straddle",
        "v4-zero+v6-zero", "v4-top+v6-top+v4-ten");

    [Theory]
    [MemberData(nameof(Windows))]
    public void Building_from_unsorted_ranges_keeps_exactly_their_addresses(string names)
    {
        var windows = AddressWindow.Parse(names);
        AddressWindow.Ranges(windows).Array[0, 24].Sample(
            ranges => ShouldMatch(IpSet.FromRanges(ranges), new AddressOracle(ranges), windows),
            iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void Union_except_and_intersect_agree_with_the_oracle(string names)
    {
        var windows = AddressWindow.Parse(names);
        var sets = AddressWindow.Ranges(windows).Array[0, 16];
        Gen.Select(sets, sets).Sample(
            (a, b) =>
            {
                var (setA, setB) = (IpSet.FromRanges(a), IpSet.FromRanges(b));
                var (oracleA, oracleB) = (new AddressOracle(a), new AddressOracle(b));
                ShouldMatch(setA.Union(setB), oracleA.Union(oracleB), windows);
                ShouldMatch(setA.Except(setB), oracleA.Except(oracleB), windows);
                ShouldMatch(setA.Intersect(setB), oracleA.Intersect(oracleB), windows);
            },
            iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void ContainsAll_and_Overlaps_agree_with_the_oracle(string names)
    {
        var windows = AddressWindow.Parse(names);
        var ranges = AddressWindow.Ranges(windows);
        Gen.Select(ranges.Array[0, 16], ranges.Array[1, 12]).Sample(
            (members, queries) =>
            {
                var set = IpSet.FromRanges(members);
                var oracle = new AddressOracle(members);
                foreach (var query in queries)
                {
                    set.ContainsAll(query).ShouldBe(oracle.ContainsAll(query), $"ContainsAll({query})");
                    set.Overlaps(query).ShouldBe(oracle.Overlaps(query), $"Overlaps({query})");
                }
            },
            iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void The_cidr_cover_is_exact_and_minimal(string names)
    {
        var windows = AddressWindow.Parse(names);
        AddressWindow.Ranges(windows).Array[0, 24].Sample(
            ranges =>
            {
                var set = IpSet.FromRanges(ranges);
                var blocks = set.CidrBlocks().ToList();

                // Exact: the blocks, as a set of their own, hold the same addresses (and are ordered and disjoint).
                ShouldMatch(IpSet.FromRanges(blocks), new AddressOracle(ranges), windows);
                ShouldBeOrderedAndDisjoint(blocks);
                blocks.ShouldAllBe(b => b.PrefixLength != null, "every block is one CIDR");

                // Minimal: no two blocks are the halves of one aligned block, and the count matches the oracle's.
                var blockSet = blocks.ToHashSet();
                foreach (var block in blocks.Where(b => b.PrefixLength > 0))
                {
                    var size = block.Last - block.First + 1;
                    if ((block.First & ((size << 1) - 1)) == 0)
                    {
                        blockSet.ShouldNotContain(new IpRange(block.Family, block.Last + 1, block.Last + size), $"{block} could merge with its upper sibling");
                    }
                }

                blockSet.SetEquals(new AddressOracle(ranges).MaximalBlocks(windows)).ShouldBeTrue();
                set.CidrBlockCount().ShouldBe(blocks.Count);
            },
            iter: Iterations);
    }

    /// <summary>Same addresses as the oracle over every window, nothing outside, in normalised form.</summary>
    internal static void ShouldMatch(IpSet set, AddressOracle oracle, AddressWindow[] windows)
    {
        foreach (var window in windows)
        {
            foreach (var value in window.Probes())
            {
                if (set.Contains(window.Family, value) != oracle.Contains(window.Family, value))
                {
                    throw new ShouldAssertException(
                        $"{IpFormat.FormatAddress(window.Family, value)}: set says {set.Contains(window.Family, value)}, oracle says {oracle.Contains(window.Family, value)}; set = {string.Join(", ", set.Ranges())}");
                }
            }
        }

        // The counts rule out addresses outside the windows, which the probes cannot see.
        foreach (var family in new[] { IpFamily.V4, IpFamily.V6 })
        {
            set.AddressCount(family).ShouldBe(oracle.Count(family), $"{family} address count");
        }

        var ranges = set.Ranges().ToList();
        ShouldBeOrderedAndDisjoint(ranges);
        for (var i = 1; i < ranges.Count; i++)
        {
            if (ranges[i].Family == ranges[i - 1].Family)
            {
                ranges[i].First.ShouldBeGreaterThan(ranges[i - 1].Last + 1, $"{ranges[i - 1]} and {ranges[i]} touch and should have merged");
            }
        }
    }

    private static void ShouldBeOrderedAndDisjoint(List<IpRange> ranges)
    {
        for (var i = 1; i < ranges.Count; i++)
        {
            var (previous, current) = (ranges[i - 1], ranges[i]);
            var ordered = previous.Family < current.Family || (previous.Family == current.Family && previous.Last < current.First);
            ordered.ShouldBeTrue($"{previous} then {current} is out of order or overlapping");
        }
    }
}
