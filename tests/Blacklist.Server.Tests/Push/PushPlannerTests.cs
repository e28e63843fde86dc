using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Core.Snapshots;
using Blacklist.Server.Feeds;
using Blacklist.Server.Push;
using Blacklist.Server.Snapshots;
using Microsoft.Extensions.Configuration;

namespace Blacklist.Server.Tests.Push;

public sealed class PushPlannerTests
{
    private const string Profile = "fortigate-128k";
    private static readonly DateTimeOffset Now = new(2026, 8, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_device_one_version_behind_gets_the_changed_entries_and_a_current_one_nothing()
    {
        var publisher = Publisher(historyVersions: 8);
        var v1 = publisher.Publish(Snapshot(1, "45.1.2.0/24", "45.9.9.9"))!;
        var v2 = publisher.Publish(Snapshot(2, "45.1.2.0-45.1.2.4", "45.1.2.6-45.1.2.255", "45.9.9.9", "45.7.7.7"))!;

        var plan = PushPlanner.Plan(publisher, v2, Profile, v1.Version, "first push");

        plan.Mode.ShouldBe(PushMode.Delta);
        plan.Removed.Select(r => r.ToString()).ShouldBe(["45.1.2.0/24"]);
        plan.Added.Select(r => r.ToString()).ShouldBe(["45.1.2.0-45.1.2.4", "45.1.2.6-45.1.2.255", "45.7.7.7"]);
        plan.Entries.ShouldBe(4);
        PushPlanner.Plan(publisher, v2, Profile, v2.Version, "first push").Mode.ShouldBe(PushMode.Unchanged);
    }

    [Fact]
    public void A_device_without_a_known_version_or_beyond_the_history_gets_a_snapshot()
    {
        var publisher = Publisher(historyVersions: 1);
        var v1 = publisher.Publish(Snapshot(1, "45.1.2.3"))!;
        publisher.Publish(Snapshot(2, "45.1.2.3", "45.1.2.9"));
        var v3 = publisher.Publish(Snapshot(3, "45.1.2.9"))!;

        var unknown = PushPlanner.Plan(publisher, v3, Profile, null, "after a failed push");
        var lost = PushPlanner.Plan(publisher, v3, Profile, v1.Version, "first push");

        unknown.Mode.ShouldBe(PushMode.Snapshot);
        unknown.Reason.ShouldBe("after a failed push");
        unknown.Added.Select(r => r.ToString()).ShouldBe(["45.1.2.9"]);
        lost.Mode.ShouldBe(PushMode.Snapshot);
        lost.Reason!.ShouldContain("version 1 is no longer in the history");
        lost.Added.Select(r => r.ToString()).ShouldBe(["45.1.2.9"]);
    }

    private static FeedPublisher Publisher(int historyVersions)
    {
        var feeds = new FeedsOptions();
        new FeedsOptionsSetup(new ConfigurationBuilder().Build()).Configure(feeds);
        feeds.HistoryVersions = historyVersions;
        return new FeedPublisher(Microsoft.Extensions.Options.Options.Create(feeds), Microsoft.Extensions.Options.Options.Create(new ListOptions()));
    }

    private static BlocklistSnapshot Snapshot(long version, params string[] ranges)
    {
        var indicators = ranges.Select((text, i) => new IndicatorRecord(i + 1, "test", IpRangeParser.Parse(text.AsSpan()).Range)
        {
            Confidence = 50,
            FirstSeen = Now,
            LastSeen = Now,
            ExpiresAt = Now.AddDays(90),
        }).ToList();
        return SnapshotBuilder.Build(version, indicators, [], Now, new SnapshotOptions(), version);
    }
}
