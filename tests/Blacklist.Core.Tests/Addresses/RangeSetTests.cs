using System.Numerics;
using Blacklist.Core.Addresses;
using static Blacklist.Core.Tests.Addresses.TestAddresses;

namespace Blacklist.Core.Tests.Addresses;

/// <summary>The edges of the address space, and large sets whose lookups go through the index.</summary>
public sealed class RangeSetTests
{
    private static readonly IpRange AllV4 = Range("0.0.0.0", "255.255.255.255");
    private static readonly IpRange AllV6 = Range("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");

    public static TheoryData<IpFamily> Families() => new(IpFamily.V4, IpFamily.V6);

    [Theory]
    [MemberData(nameof(Families))]
    public void The_whole_space_counts_exactly_and_is_one_block(IpFamily family)
    {
        var all = family == IpFamily.V4 ? AllV4 : AllV6;
        var set = IpSet.FromRanges([all]);
        set.AddressCount(family).ShouldBe(BigInteger.One << family.Bits());
        set.CidrBlocks().ShouldBe([all]);
        set.CidrBlockCount().ShouldBe(1);
        set.ContainsAll(all).ShouldBeTrue();
        set.Contains(family, 0).ShouldBeTrue();
        set.Contains(family, family.MaxValue()).ShouldBeTrue();
        set.Ranges().ShouldBe([all]);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Removing_one_end_of_the_space_leaves_one_block_per_bit(IpFamily family)
    {
        var all = IpSet.FromRanges([family == IpFamily.V4 ? AllV4 : AllV6]);
        var max = family.MaxValue();
        var withoutZero = all.Except(IpSet.FromRanges([new IpRange(family, 0, 0)]));
        var withoutMax = all.Except(IpSet.FromRanges([new IpRange(family, max, max)]));

        withoutZero.Ranges().ShouldBe([new IpRange(family, 1, max)]);
        withoutMax.Ranges().ShouldBe([new IpRange(family, 0, max - 1)]);
        withoutZero.CidrBlockCount().ShouldBe(family.Bits());
        withoutMax.CidrBlocks().Count().ShouldBe(family.Bits());
        withoutZero.AddressCount(family).ShouldBe((BigInteger.One << family.Bits()) - 1);
        withoutZero.Union(withoutMax).Ranges().ShouldBe(all.Ranges());
        withoutZero.Intersect(withoutMax).Ranges().ShouldBe([new IpRange(family, 1, max - 1)]);
        withoutZero.Contains(family, 0).ShouldBeFalse();
        withoutMax.Contains(family, max).ShouldBeFalse();
        withoutMax.Overlaps(new IpRange(family, max - 1, max)).ShouldBeTrue();
        withoutMax.ContainsAll(new IpRange(family, max - 1, max)).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Ranges_touching_at_the_top_of_the_space_merge(IpFamily family)
    {
        var max = family.MaxValue();
        var set = IpSet.FromRanges([new IpRange(family, max, max), new IpRange(family, max - 9, max - 1), new IpRange(family, max - 5, max)]);
        set.Ranges().ShouldBe([new IpRange(family, max - 9, max)]);
        var union = set.Union(IpSet.FromRanges([new IpRange(family, 0, max - 10)]));
        union.Ranges().ShouldBe([new IpRange(family, 0, max)]);
        union.Except(union).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void FromUnsorted_reads_only_count_entries_and_rejects_reversed_ranges()
    {
        uint[] firsts = [30, 10, 20, 99];
        uint[] lasts = [35, 10, 29, 0];
        var set = RangeSet<uint>.FromUnsorted(firsts, lasts, 3);
        set.Firsts.ToArray().ShouldBe([10u, 20u]);
        set.Lasts.ToArray().ShouldBe([10u, 35u]);

        Should.Throw<ArgumentException>(() => RangeSet<uint>.FromUnsorted([5], [4], 1)).Message.ShouldContain("after its end");
        Should.Throw<ArgumentException>(() => RangeSet<UInt128>.FromUnsorted([5], [4], 1)).Message.ShouldContain("after its end");
        Should.Throw<ArgumentException>(() => new IpSetBuilder().AddV4(5, 4));
        Should.Throw<ArgumentOutOfRangeException>(() => RangeSet<uint>.FromUnsorted([1], [1], 2));
        RangeSet<uint>.FromUnsorted([], [], 0).ShouldBeSameAs(RangeSet<uint>.Empty);
    }

    [Fact]
    public void The_builder_can_be_reused_after_Build()
    {
        var builder = new IpSetBuilder();
        builder.AddV4(1, 2);
        builder.AddV6(5, 6);
        builder.Count.ShouldBe(2);
        builder.Build().RangeCount.ShouldBe(2);
        builder.Count.ShouldBe(0);
        builder.Add(IpRange.V4(7)).Build().Ranges().ShouldBe([IpRange.V4(7)]);
    }

    [Theory]
    [InlineData(100_000, 0)] // spread over the whole space: the radix sort and a full index
    [InlineData(100_000, 16)] // crowded into one /16: every range in one bucket of a narrower index
    [InlineData(3_000, 0)] // below the radix threshold
    [InlineData(20, 24)] // just above the index threshold
    public void Large_ipv4_sets_answer_like_a_plain_search(int ranges, int fixedTopBits)
    {
        var random = new Random(ranges + fixedTopBits);
        var top = fixedTopBits == 0 ? 0 : (uint)random.Next() << (32 - fixedTopBits);
        var mask = fixedTopBits == 0 ? uint.MaxValue : uint.MaxValue >> fixedTopBits;
        var builder = new IpSetBuilder();
        for (var i = 0; i < ranges; i++)
        {
            var first = top | ((uint)random.NextInt64(0, 1L << 32) & mask);
            var length = random.Next(4) == 0 ? (uint)random.Next(0, 4096) : (uint)random.Next(0, 4);
            builder.AddV4(first, Math.Min(first + length, top | mask));
        }

        builder.AddV4(0, 0);
        builder.AddV4(uint.MaxValue, uint.MaxValue);
        var set = builder.Build().V4;
        var (firsts, lasts) = (set.Firsts.ToArray(), set.Lasts.ToArray());
        ShouldBeNormalised(firsts, lasts);

        var probes = new List<uint> { 0, 1, uint.MaxValue, uint.MaxValue - 1, top, top | mask };
        for (var i = 0; i < firsts.Length; i++)
        {
            probes.AddRange([firsts[i], firsts[i] - 1, lasts[i], lasts[i] + 1]);
        }

        for (var i = 0; i < 100_000; i++)
        {
            probes.Add(top | ((uint)random.NextInt64(0, 1L << 32) & mask));
        }

        foreach (var probe in probes)
        {
            var expected = PlainSearch(firsts, probe);
            Agree(set.Contains(probe), expected >= 0 && probe <= lasts[expected], "Contains", probe, probe);
            var end = probe + (uint)random.Next(0, 300);
            if (end < probe)
            {
                continue;
            }

            Agree(set.ContainsAll(probe, end), expected >= 0 && end <= lasts[expected], "ContainsAll", probe, end);
            var atEnd = PlainSearch(firsts, end);
            Agree(set.Overlaps(probe, end), atEnd >= 0 && lasts[atEnd] >= probe, "Overlaps", probe, end);
        }
    }

    [Fact]
    public void Large_ipv6_sets_answer_like_a_plain_search()
    {
        var random = new Random(6);
        var prefix = Number("2001:db8::");
        var builder = new IpSetBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            var first = prefix | ((UInt128)(ulong)random.NextInt64() << random.Next(0, 64));
            builder.AddV6(first, first + (UInt128)random.Next(0, 1000));
        }

        var set = builder.Build().V6;
        var (firsts, lasts) = (set.Firsts.ToArray(), set.Lasts.ToArray());
        ShouldBeNormalised(firsts, lasts);
        foreach (var probe in firsts.Concat(lasts).SelectMany(v => new[] { v - 1, v, v + 1 }).Append(UInt128.Zero).Append(UInt128.MaxValue))
        {
            var expected = PlainSearch(firsts, probe);
            Agree(set.Contains(probe), expected >= 0 && probe <= lasts[expected], "Contains", probe, probe);
        }
    }

    /// <summary>A plain check: Shouldly's rich messages cost too much over a million probes.</summary>
    private static void Agree<T>(bool actual, bool expected, string method, T first, T last)
    {
        if (actual != expected)
        {
            throw new ShouldAssertException($"{method}({first}, {last}) is {actual}, a plain search says {expected}");
        }
    }

    private static int PlainSearch<T>(T[] firsts, T value)
        where T : IComparable<T>
    {
        var i = Array.BinarySearch(firsts, value);
        return i >= 0 ? i : ~i - 1;
    }

    private static void ShouldBeNormalised<T>(T[] firsts, T[] lasts)
        where T : IBinaryInteger<T>
    {
        for (var i = 0; i < firsts.Length; i++)
        {
            (firsts[i] <= lasts[i]).ShouldBeTrue();
            if (i > 0 && firsts[i] <= lasts[i - 1] + T.One)
            {
                throw new ShouldAssertException($"ranges {i - 1} and {i} overlap or touch");
            }
        }
    }
}
