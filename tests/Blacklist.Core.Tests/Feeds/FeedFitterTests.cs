using Blacklist.Core.Addresses;
using Blacklist.Core.Feeds;
using Blacklist.Core.Indicators;
using Blacklist.Core.Rendering;
using CsCheck;
using static Blacklist.Core.Tests.Feeds.FeedData;

namespace Blacklist.Core.Tests.Feeds;

public sealed class FeedFitterTests
{
    [Fact]
    public void Filters_by_source_category_confidence_and_family()
    {
        IndicatorRecord[] indicators =
        [
            Indicator(1, "ipsum", "45.1.1.1", confidence: 90, category: "scanner"),
            Indicator(2, "drop", "45.1.1.2", confidence: 90, category: "scanner"),
            Indicator(3, "ipsum", "45.1.1.3", confidence: 10, category: "scanner"),
            Indicator(4, "ipsum", "45.1.1.4", confidence: 90, category: "c2"),
            Indicator(5, "ipsum", "2a00:1::1", confidence: 90, category: "scanner"),
        ];
        var profile = new FeedProfile("t", ListFormat.Plain)
        {
            Sources = new HashSet<string>(["ipsum"]),
            Categories = new HashSet<string>(["SCANNER"], StringComparer.OrdinalIgnoreCase),
            MinConfidence = 50,
            Family = FeedFamily.IPv4,
        };

        var fitted = FeedFitter.Fit(Snapshot(indicators), profile);

        fitted.Set.Ranges().Select(r => r.ToString()).ShouldBe(["45.1.1.1"]);
        fitted.Capped.ShouldBeFalse();
    }

    [Fact]
    public void The_allowlist_applies_unless_the_profile_ignores_it_and_reserved_ranges_only_when_asked()
    {
        IndicatorRecord[] indicators = [Indicator(1, "a", "45.1.1.0/24"), Indicator(2, "a", "10.0.0.1")];
        AllowlistRecord[] allowlist = [new(1, Parse("45.1.1.0/25"), "partner")];
        var snapshot = Snapshot(indicators, allowlist);

        FeedFitter.Fit(snapshot, new FeedProfile("a", ListFormat.Cidr) { Sources = new HashSet<string>(["a"]) })
            .Set.CidrBlocks().Select(r => r.ToString()).ShouldBe(["45.1.1.128/25"]);
        FeedFitter.Fit(snapshot, new FeedProfile("b", ListFormat.Cidr) { IgnoreAllowlist = true })
            .Set.CidrBlocks().Select(r => r.ToString()).ShouldBe(["45.1.1.0/24"]);
        FeedFitter.Fit(snapshot, new FeedProfile("c", ListFormat.Cidr) { ServeReserved = true })
            .Set.CidrBlocks().Select(r => r.ToString()).ShouldBe(["10.0.0.1", "45.1.1.128/25"]);
    }

    [Fact]
    public void Collapsing_never_changes_the_covered_set_when_nothing_is_dropped()
    {
        var range = Gen.Select(Gen.UInt[0x2D00_0000, 0x2D00_0400], Gen.UInt[0, 70])
            .Select((first, width) => IpRange.V4(first, first + width));
        var indicator = Gen.Select(range, Gen.Int[0, 2], Gen.Int[0, 100])
            .Select((r, source, confidence) => (Range: r, Source: "s" + source, Confidence: confidence));
        Gen.Select(indicator.Array[0, 40], Gen.Enum<ListFormat>(), Gen.Int[0, 2]).Sample((items, format, onlySource) =>
        {
            var indicators = items.Select((x, i) => Indicator(i + 1, x.Source, x.Range, x.Confidence)).ToList();
            var profile = new FeedProfile("p", format)
            {
                Sources = onlySource == 2 ? new HashSet<string>() : new HashSet<string>(["s" + onlySource]),
                MaxEntries = 1_000_000,
            };

            var fitted = FeedFitter.Fit(Snapshot(indicators), profile);

            var expected = IpSet.FromRanges(indicators.Where(i => profile.Sources.Count == 0 || profile.Sources.Contains(i.Source)).Select(i => i.Range));
            fitted.Set.Ranges().ShouldBe(expected.Ranges());
            fitted.Capped.ShouldBeFalse();
            fitted.ServedEntries.ShouldBe(ListRenderers.CountEntries(format, expected));
        });
    }

    [Fact]
    public void Ranking_keeps_the_higher_scored_entries()
    {
        // Separate addresses (never adjacent), each with one indicator: the score is its weight.
        var item = Gen.Select(Gen.Int[0, 100], Gen.Int[0, 90]);
        Gen.Select(item.Array[2, 60], Gen.Int[1, 60], Gen.Bool.Select(b => b ? ListFormat.FortiGate : ListFormat.Cidr)).Sample((items, max, format) =>
        {
            var indicators = items.Select((x, i) => Indicator(i + 1, "s", IpRange.V4(0x2D00_0000u + ((uint)i * 4)), x.Item1, age: TimeSpan.FromDays(x.Item2))).ToList();

            var fitted = FeedFitter.Fit(Snapshot(indicators), new FeedProfile("p", format) { MaxEntries = max });

            var weights = indicators.ToDictionary(i => i.Range.First, i => FeedScore.Weight(i, Now));
            var kept = indicators.Where(i => fitted.Set.Contains(IpFamily.V4, i.Range.First)).ToList();
            var dropped = indicators.Where(i => !fitted.Set.Contains(IpFamily.V4, i.Range.First)).ToList();
            kept.Count.ShouldBe(Math.Min(max, indicators.Count));
            fitted.ServedEntries.ShouldBe(kept.Count);
            fitted.TotalEntries.ShouldBe(indicators.Count);
            if (kept.Count > 0 && dropped.Count > 0)
            {
                kept.Min(i => weights[i.Range.First]).ShouldBeGreaterThanOrEqualTo(dropped.Max(i => weights[i.Range.First]));
            }
        });
    }

    [Fact]
    public void An_entry_seen_by_more_sources_outranks_one_with_the_same_confidence_from_one_source()
    {
        IndicatorRecord[] indicators =
        [
            Indicator(1, "a", "45.0.0.1", confidence: 60),
            Indicator(2, "a", "45.0.0.3", confidence: 60),
            Indicator(3, "b", "45.0.0.3", confidence: 60),
            Indicator(4, "a", "45.0.0.5", confidence: 100, age: TimeSpan.FromDays(60)), // 100 × 1/4 = 25
        ];

        var fitted = FeedFitter.Fit(Snapshot(indicators), new FeedProfile("p", ListFormat.Edl) { MaxEntries = 2 });

        fitted.Set.Ranges().Select(r => r.ToString()).ShouldBe(["45.0.0.1", "45.0.0.3"]);
        fitted.TotalEntries.ShouldBe(3);
        fitted.ServedEntries.ShouldBe(2);
        fitted.DroppedEntries.ShouldBe(1);
    }

    [Fact]
    public void A_merged_range_scores_as_its_strongest_indicator()
    {
        IndicatorRecord[] indicators =
        [
            Indicator(1, "a", "45.0.0.1", confidence: 10),
            Indicator(2, "a", "45.0.0.2", confidence: 95), // merges with .1 into one range
            Indicator(3, "a", "45.0.0.9", confidence: 90),
        ];

        var fitted = FeedFitter.Fit(Snapshot(indicators), new FeedProfile("p", ListFormat.FortiGate) { MaxEntries = 1 });

        fitted.Set.Ranges().Select(r => r.ToString()).ShouldBe(["45.0.0.1-45.0.0.2"]);
    }

    [Fact]
    public void Every_ready_made_profile_fits_its_limit_on_a_one_million_entry_list()
    {
        var snapshot = OneMillion;
        snapshot.Counts.Entries.ShouldBeGreaterThan(300_000);

        foreach (var profile in ReadyMadeProfiles.All)
        {
            var fitted = FeedFitter.Fit(snapshot, profile);

            var limit = profile.MaxEntries!.Value;
            fitted.ServedEntries.ShouldBeLessThanOrEqualTo(limit, profile.Name);
            ListRenderers.CountEntries(profile.Format, fitted.Set).ShouldBe(fitted.ServedEntries, profile.Name);
            fitted.ServedEntries.ShouldBeGreaterThan(limit - 16, profile.Name); // the cap fills the device
            fitted.TotalEntries.ShouldBeGreaterThan(limit, profile.Name);
        }
    }
}
