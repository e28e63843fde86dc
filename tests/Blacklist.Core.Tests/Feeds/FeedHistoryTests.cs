using Blacklist.Core.Addresses;
using Blacklist.Core.Feeds;
using CsCheck;

namespace Blacklist.Core.Tests.Feeds;

public sealed class FeedHistoryTests
{
    private static readonly DateTimeOffset Start = FeedData.Now;

    private static readonly Gen<IpSet> Sets = Gen.Select(Gen.UInt[0x2D00_0000, 0x2D00_0200], Gen.UInt[0, 20])
        .Select((first, width) => IpRange.V4(first, first + width)).Array[0, 12]
        .Select(IpSet.FromRanges);

    [Fact]
    public void Applying_every_delta_since_a_version_to_the_list_at_that_version_yields_the_current_list()
    {
        Gen.Select(Sets.Array[1, 12], Gen.Int[0, 11]).Sample((lists, pick) =>
        {
            var history = new FeedHistory(64, TimeSpan.FromDays(1));
            for (var v = 0; v < lists.Length; v++)
            {
                history.Record(10 + (v * 3), lists[v], Start.AddMinutes(v));
            }

            var since = Math.Min(pick, lists.Length - 1);
            var answer = history.ChangesSince(10 + (since * 3));

            answer.Outcome.ShouldBe(ChangesOutcome.Changes);
            answer.CurrentVersion.ShouldBe(10 + ((lists.Length - 1) * 3));
            answer.Delta!.ApplyTo(lists[since]).Ranges().ShouldBe(lists[^1].Ranges());
            answer.Delta.Added.Intersect(answer.Delta.Removed).IsEmpty.ShouldBeTrue();
            answer.Delta.Added.Intersect(lists[since]).IsEmpty.ShouldBeTrue();
            answer.Delta.Removed.Except(lists[since]).IsEmpty.ShouldBeTrue();
        });
    }

    [Fact]
    public void Versions_beyond_the_retained_count_are_gone()
    {
        var history = new FeedHistory(2, TimeSpan.FromDays(1));
        for (var v = 1; v <= 4; v++)
        {
            history.Record(v, IpSet.FromRanges([IpRange.V4((uint)v)]), Start);
        }

        history.OldestVersion.ShouldBe(2);
        history.ChangesSince(1).Outcome.ShouldBe(ChangesOutcome.Gone);
        history.ChangesSince(2).Outcome.ShouldBe(ChangesOutcome.Changes);
        history.ChangesSince(4).Delta!.IsEmpty.ShouldBeTrue();
        history.ChangesSince(5).Outcome.ShouldBe(ChangesOutcome.Ahead);
    }

    [Fact]
    public void Versions_older_than_the_maximum_age_are_gone()
    {
        var history = new FeedHistory(64, TimeSpan.FromHours(1));
        history.Record(1, IpSet.Empty, Start);
        history.Record(2, IpSet.FromRanges([IpRange.V4(1)]), Start);
        history.Record(3, IpSet.FromRanges([IpRange.V4(2)]), Start.AddHours(2));

        history.ChangesSince(1).Outcome.ShouldBe(ChangesOutcome.Gone);
        var answer = history.ChangesSince(2);
        answer.Delta!.Added.Ranges().ShouldBe([IpRange.V4(2)]);
        answer.Delta.Removed.Ranges().ShouldBe([IpRange.V4(1)]);
    }

    [Fact]
    public void Before_any_version_the_history_is_not_ready_and_a_version_never_served_is_gone()
    {
        var history = new FeedHistory(64, TimeSpan.FromDays(1));
        history.ChangesSince(1).Outcome.ShouldBe(ChangesOutcome.NotReady);

        history.Record(5, IpSet.Empty, Start);
        history.Record(9, IpSet.Empty, Start);

        history.ChangesSince(7).Outcome.ShouldBe(ChangesOutcome.Gone);
        history.Record(8, IpSet.FromRanges([IpRange.V4(1)]), Start).ShouldBeNull(); // older than current: ignored
        history.CurrentVersion.ShouldBe(9);
    }
}
