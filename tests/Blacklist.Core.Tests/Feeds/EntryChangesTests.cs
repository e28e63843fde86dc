using Blacklist.Core.Addresses;
using Blacklist.Core.Feeds;
using CsCheck;

namespace Blacklist.Core.Tests.Feeds;

public sealed class EntryChangesTests
{
    private static readonly Gen<IpSet> Sets = Gen.Frequency(
            (3, Gen.Select(Gen.UInt[0x2D00_0000, 0x2D00_0100], Gen.UInt[0, 12]).Select((first, width) => IpRange.V4(first, first + width))),
            (1, Gen.Select(Gen.UInt[0, 0x100], Gen.UInt[0, 12]).Select((first, width) => IpRange.V6((UInt128)0x2001_0db8 << 96 | first, ((UInt128)0x2001_0db8 << 96 | first) + width))))
        .Array[0, 12]
        .Select(IpSet.FromRanges);

    [Fact]
    public void Removing_then_adding_the_changed_entries_turns_the_old_lines_into_the_new_ones()
    {
        Gen.Select(Sets, Sets).Sample((older, newer) =>
        {
            var changes = EntryChanges.Between(older, newer);

            changes.ApplyTo(older.Ranges()).ShouldBe([.. newer.Ranges()]);
            changes.Removed.ShouldAllBe(e => older.Ranges().Contains(e) && !newer.Ranges().Contains(e));
            changes.Added.ShouldAllBe(e => newer.Ranges().Contains(e) && !older.Ranges().Contains(e));
            changes.Removed.ShouldBe(changes.Removed.Order().ToList(), "in address order");
        });
    }

    [Fact]
    public void An_address_leaving_a_block_replaces_the_block_line_with_the_ranges_around_it()
    {
        var block = IpSet.FromRanges([FeedData.Parse("45.1.2.0/24")]);
        var withoutOne = block.Except(IpSet.FromRanges([FeedData.Parse("45.1.2.5")]));

        var changes = EntryChanges.Between(block, withoutOne);

        changes.Removed.ShouldBe([FeedData.Parse("45.1.2.0/24")]);
        changes.Added.ShouldBe([FeedData.Parse("45.1.2.0-45.1.2.4"), FeedData.Parse("45.1.2.6-45.1.2.255")]);
        EntryChanges.Between(block, block).IsEmpty.ShouldBeTrue();
    }
}
