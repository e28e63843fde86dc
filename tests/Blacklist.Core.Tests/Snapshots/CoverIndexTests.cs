using Blacklist.Core.Addresses;
using Blacklist.Core.Snapshots;
using CsCheck;

namespace Blacklist.Core.Tests.Snapshots;

public sealed class CoverIndexTests
{
    private sealed record Item(int Id, IpRange Range);

    // Narrow value space so random ranges nest and overlap a lot.
    private static readonly Gen<IpRange> V4Range =
        Gen.Select(Gen.UInt[0, 2000], Gen.UInt[0, 300], Gen.Int[0, 9])
            .Select((first, width, shape) => IpRange.V4(first, shape == 0 ? first + (width * 50) : first + (width % 7)));

    private static readonly Gen<IpRange> V6Range =
        Gen.Select(Gen.ULong[0, 2000], Gen.ULong[0, 300])
            .Select((first, width) => IpRange.V6(((UInt128)1 << 100) + first, ((UInt128)1 << 100) + first + width));

    [Fact]
    public void Finds_exactly_the_ranges_that_contain_an_address()
    {
        Gen.Select(V4Range.Array[0, 300], V6Range.Array[0, 40], Gen.UInt[0, 20000].Array[1, 30])
            .Sample((v4, v6, probes) =>
            {
                var items = v4.Concat(v6).Select((range, i) => new Item(i, range)).ToList();
                var index = new CoverIndex<Item>(items, item => item.Range);
                foreach (var probe in probes)
                {
                    Check(index, items, IpFamily.V4, probe);
                    Check(index, items, IpFamily.V6, ((UInt128)1 << 100) + probe);
                }
            });
    }

    [Fact]
    public void A_wide_range_before_many_narrow_ones_is_found_without_returning_the_narrow_ones()
    {
        var items = new List<Item> { new(0, IpRange.FromCidr(IpFamily.V4, 0x0A000000, 8)) };
        for (uint i = 0; i < 100_000; i++)
        {
            items.Add(new Item(items.Count, IpRange.V4(0x0A000000 + (i * 2))));
        }

        var index = new CoverIndex<Item>(items, item => item.Range);

        index.FindCovering(IpFamily.V4, 0x0A000001).Select(i => i.Id).ShouldBe([0]);
        index.FindCovering(IpFamily.V4, 0x0A000004).Select(i => i.Id).ShouldBe([0, 3]);
        index.FindCovering(IpFamily.V4, 0x0B000000).ShouldBeEmpty();
        index.FindCovering(IpFamily.V6, 0x0A000004).ShouldBeEmpty();
    }

    [Fact]
    public void Handles_ranges_reaching_the_top_of_the_address_space()
    {
        var items = new List<Item>
        {
            new(0, IpRange.V4(0, uint.MaxValue)),
            new(1, IpRange.V4(uint.MaxValue)),
            new(2, IpRange.V6(0, UInt128.MaxValue)),
        };
        var index = new CoverIndex<Item>(items, item => item.Range);

        index.FindCovering(IpFamily.V4, uint.MaxValue).Select(i => i.Id).ShouldBe([0, 1]);
        index.FindCovering(IpFamily.V4, 0).Select(i => i.Id).ShouldBe([0]);
        index.FindCovering(IpFamily.V6, UInt128.MaxValue).Select(i => i.Id).ShouldBe([2]);
    }

    [Fact]
    public void An_empty_index_finds_nothing()
    {
        var index = new CoverIndex<Item>([], item => item.Range);
        index.FindCovering(IpFamily.V4, 1).ShouldBeEmpty();
        index.FindCovering(IpFamily.V6, 1).ShouldBeEmpty();
    }

    private static void Check(CoverIndex<Item> index, List<Item> items, IpFamily family, UInt128 value)
    {
        var expected = items.Where(i => i.Range.Family == family && i.Range.Contains(value)).Select(i => i.Id).Order().ToList();
        var actual = index.FindCovering(family, value).Select(i => i.Id).Order().ToList();
        actual.ShouldBe(expected, $"covering {value} ({family})");
    }
}
