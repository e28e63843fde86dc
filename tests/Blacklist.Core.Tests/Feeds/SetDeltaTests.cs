using Blacklist.Core.Addresses;
using Blacklist.Core.Feeds;
using CsCheck;

namespace Blacklist.Core.Tests.Feeds;

public sealed class SetDeltaTests
{
    // Small spaces at both ends of each family, so ranges overlap, touch, nest and reach the last address.
    private static readonly Gen<IpRange> V4Ranges = Gen.Select(Gen.Bool, Gen.UInt[0, 300], Gen.UInt[0, 40])
        .Select((high, offset, width) => high
            ? IpRange.V4(uint.MaxValue - offset - width, uint.MaxValue - offset)
            : IpRange.V4(offset, offset + width));

    private static readonly Gen<IpRange> V6Ranges = Gen.Select(Gen.UInt[0, 300], Gen.UInt[0, 40])
        .Select((offset, width) => IpRange.V6(UInt128.MaxValue - offset - width, UInt128.MaxValue - offset));

    private static readonly Gen<IpSet> Sets = Gen.Frequency((3, V4Ranges), (1, V6Ranges)).Array[0, 16].Select(IpSet.FromRanges);

    [Fact]
    public void The_one_sweep_delta_is_new_minus_old_and_old_minus_new()
    {
        Gen.Select(Sets, Sets).Sample((older, newer) =>
        {
            var delta = SetDelta.Between(1, older, 2, newer);

            delta.Added.Ranges().ShouldBe(newer.Except(older).Ranges());
            delta.Removed.Ranges().ShouldBe(older.Except(newer).Ranges());
            delta.ApplyTo(older).Ranges().ShouldBe(newer.Ranges());
            delta.UndoFrom(newer).Ranges().ShouldBe(older.Ranges());
        });
    }

    [Fact]
    public void Equal_lists_give_an_empty_delta_and_a_single_change_gives_just_that()
    {
        var list = IpSet.FromRanges(Enumerable.Range(0, 1000).Select(i => IpRange.V4((uint)(0x2D00_0000 + (4 * i)))));
        var copy = IpSet.FromRanges(list.Ranges());
        SetDelta.Between(1, list, 2, copy).IsEmpty.ShouldBeTrue();

        var changed = list.Union(IpSet.FromRanges([IpRange.V4(0x2D00_0001)]));
        var delta = SetDelta.Between(1, list, 2, changed);

        delta.Added.Ranges().ShouldBe([IpRange.V4(0x2D00_0001)]);
        delta.Removed.IsEmpty.ShouldBeTrue();
    }
}
