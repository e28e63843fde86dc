using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Core.Snapshots;

namespace Blacklist.Core.Tests.Snapshots;

public sealed class SnapshotBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 8, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Serves_the_union_of_active_indicators_minus_allowlist_and_reserved_ranges()
    {
        IndicatorRecord[] indicators =
        [
            Indicator(1, "ipsum", "1.2.3.0/24"),
            Indicator(2, "drop", "1.2.4.0/24"),
            Indicator(3, "ipsum", "10.0.0.1"),
            Indicator(4, "manual", "2a00:1::/64"),
        ];
        AllowlistRecord[] allowlist = [new(1, Parse("1.2.3.128/25"), "our partner") { ExpiresAt = Now.AddDays(1) }];

        var snapshot = SnapshotBuilder.Build(7, indicators, allowlist, Now, new SnapshotOptions(), version: 3);

        snapshot.Version.ShouldBe(3);
        snapshot.ChangeCounter.ShouldBe(7);
        snapshot.BuiltAt.ShouldBe(Now);
        snapshot.Active.CidrBlocks().Select(r => r.ToString()).ShouldBe(["1.2.3.0/25", "1.2.4.0/24", "2a00:1::/64"]);
        snapshot.Allowlisted.Ranges().Select(r => r.ToString()).ShouldBe(["1.2.3.128/25"]);
        snapshot.Counts.Indicators.ShouldBe(4);
        snapshot.Counts.IndicatorsBySource["ipsum"].ShouldBe(2);
        snapshot.Counts.IndicatorsByFamily[IpFamily.V6].ShouldBe(1);
        snapshot.Counts.EntriesByFamily[IpFamily.V4].ShouldBe(2);
        snapshot.Counts.AddressesByFamily[IpFamily.V4].ShouldBe(128 + 256);
        snapshot.Counts.AddressesByFamily[IpFamily.V6].ShouldBe(System.Numerics.BigInteger.One << 64);
        snapshot.Counts.Entries.ShouldBe(3);
        snapshot.Counts.AllowlistEntries.ShouldBe(1);
    }

    [Fact]
    public void Applies_the_lifetime_rule_at_the_build_time()
    {
        IndicatorRecord[] indicators =
        [
            Indicator(1, "a", "5.5.5.5") with { ExpiresAt = Now },
            Indicator(2, "a", "5.5.5.6") with { RemovedAt = Now.AddDays(-1) },
            Indicator(3, "a", "5.5.5.7") with { ExpiresAt = Now.AddHours(2) },
            Indicator(4, "a", "5.5.5.8") with { ExpiresAt = Now.AddHours(5) },
        ];
        AllowlistRecord[] allowlist =
        [
            new(1, Parse("5.5.5.8"), "expired already") { ExpiresAt = Now.AddSeconds(-1) },
            new(2, Parse("9.9.9.9"), "later") { ExpiresAt = Now.AddHours(1) },
        ];

        var snapshot = SnapshotBuilder.Build(1, indicators, allowlist, Now, new SnapshotOptions(), 1);

        snapshot.Active.Ranges().Select(r => r.ToString()).ShouldBe(["5.5.5.7-5.5.5.8"]);
        snapshot.NextExpiry.ShouldBe(Now.AddHours(1));
        snapshot.Counts.Indicators.ShouldBe(2);
        snapshot.Counts.AllowlistEntries.ShouldBe(1);
    }

    [Fact]
    public void Reserved_ranges_are_served_only_when_the_operator_says_so()
    {
        IndicatorRecord[] indicators = [Indicator(1, "a", "192.168.0.0/16"), Indicator(2, "a", "fe80::1"), Indicator(3, "a", "8.8.8.8")];

        var hidden = SnapshotBuilder.Build(1, indicators, [], Now, new SnapshotOptions(), 1);
        var served = SnapshotBuilder.Build(1, indicators, [], Now, new SnapshotOptions { ServeReserved = true }, 2);

        hidden.Active.Ranges().Select(r => r.ToString()).ShouldBe(["8.8.8.8"]);
        served.Active.Ranges().Select(r => r.ToString()).ShouldBe(["8.8.8.8", "192.168.0.0/16", "fe80::1"]);
        var lookup = hidden.Lookup(IpFamily.V4, Parse("192.168.1.1").First);
        lookup.Blocked.ShouldBeFalse();
        lookup.ReservedExcluded.ShouldBeTrue();
        lookup.Reserved!.Name.ShouldContain("RFC 1918");
        lookup.Indicators.Single().Id.ShouldBe(1);
        served.Lookup(IpFamily.V4, Parse("192.168.1.1").First).ReservedExcluded.ShouldBeFalse();
    }

    [Fact]
    public void Lookup_explains_which_indicators_and_allowlist_entries_cover_an_address()
    {
        IndicatorRecord[] indicators =
        [
            Indicator(1, "drop", "45.0.0.0/8") with { Reason = "hijacked", Category = "drop", Country = "US" },
            Indicator(2, "ipsum", "45.1.2.3") with { Reason = "3 lists", Category = null },
            Indicator(3, "ipsum", "45.1.2.4"),
        ];
        AllowlistRecord[] allowlist = [new(9, Parse("45.1.2.4"), "false positive")];

        var snapshot = SnapshotBuilder.Build(1, indicators, allowlist, Now, new SnapshotOptions(), 1);

        var blocked = snapshot.Lookup(IpFamily.V4, Parse("45.1.2.3").First);
        blocked.Blocked.ShouldBeTrue();
        blocked.Address.ShouldBe("45.1.2.3");
        blocked.Indicators.Select(i => i.Id).ShouldBe([1, 2], ignoreOrder: true);
        blocked.Allowlist.ShouldBeEmpty();
        blocked.Reserved.ShouldBeNull();

        var allowed = snapshot.Lookup(IpFamily.V4, Parse("45.1.2.4").First);
        allowed.Blocked.ShouldBeFalse();
        allowed.Indicators.Select(i => i.Id).ShouldBe([1, 3], ignoreOrder: true);
        allowed.Allowlist.Single().Id.ShouldBe(9);

        snapshot.Lookup(IpFamily.V6, 1).Indicators.ShouldBeEmpty();
        snapshot.Counts.IndicatorsByCategory[SnapshotCounts.Unknown].ShouldBe(2);
        snapshot.Counts.IndicatorsByCountry["US"].ShouldBe(1);
    }

    [Fact]
    public void An_empty_store_builds_an_empty_snapshot()
    {
        var snapshot = SnapshotBuilder.Build(0, [], [], Now, new SnapshotOptions(), 1);

        snapshot.Active.IsEmpty.ShouldBeTrue();
        snapshot.NextExpiry.ShouldBeNull();
        snapshot.Counts.Entries.ShouldBe(0);
    }

    private static IpRange Parse(string text) => IpRangeParser.Parse(text.AsSpan()).Range;

    private static IndicatorRecord Indicator(long id, string source, string range) => new(id, source, Parse(range))
    {
        FirstSeen = Now.AddDays(-3),
        LastSeen = Now.AddDays(-1),
        ExpiresAt = Now.AddDays(30),
    };
}
