using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Core.Rendering;
using Blacklist.Core.Snapshots;

namespace Blacklist.Core.Feeds;

/// <summary>
/// Fits a snapshot to a device: selects the profile's indicators, takes out the allowlist and the
/// reserved ranges, counts entries in the format's minimal form (merged ranges for the range
/// formats, the minimal CIDR cover for plain, cidr and ipset) and, over the limit, keeps the
/// highest-scored entries (<see cref="FeedScore"/>).
/// </summary>
public static class FeedFitter
{
    public static FittedFeed Fit(BlocklistSnapshot snapshot, FeedProfile profile)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(profile);

        IpSet set;
        List<IndicatorRecord>? selected = null;
        if (profile.SelectsEverything(snapshot.Options.ServeReserved))
        {
            // The served set already is this profile's set: no need to rebuild it.
            set = snapshot.Active;
        }
        else
        {
            selected = Select(snapshot.ActiveIndicators, profile);
            var builder = new IpSetBuilder();
            foreach (var indicator in selected)
            {
                builder.Add(indicator.Range);
            }

            set = builder.Build();
            if (!profile.IgnoreAllowlist)
            {
                set = set.Except(snapshot.Allowlisted);
            }

            if (!(profile.ServeReserved ?? snapshot.Options.ServeReserved))
            {
                set = set.Except(ReservedRanges.Set);
            }
        }

        var total = ListRenderers.CountEntries(profile.Format, set);
        if (profile.MaxEntries is not { } max || total <= max)
        {
            return new FittedFeed(set, total, total);
        }

        var kept = FeedRanking.Top(set, profile.Format, selected ?? snapshot.ActiveIndicators, snapshot.BuiltAt, max);
        return new FittedFeed(kept, total, ListRenderers.CountEntries(profile.Format, kept));
    }

    /// <summary>The indicators that pass the profile's source, category, confidence and family filters.</summary>
    public static List<IndicatorRecord> Select(IReadOnlyList<IndicatorRecord> indicators, FeedProfile profile)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(profile);
        var selected = new List<IndicatorRecord>();
        foreach (var indicator in indicators)
        {
            if (Matches(indicator, profile))
            {
                selected.Add(indicator);
            }
        }

        return selected;
    }

    private static bool Matches(IndicatorRecord indicator, FeedProfile profile)
    {
        if (profile.Family == FeedFamily.IPv4 && indicator.Range.Family != IpFamily.V4)
        {
            return false;
        }

        if (profile.Family == FeedFamily.IPv6 && indicator.Range.Family != IpFamily.V6)
        {
            return false;
        }

        return indicator.Confidence >= profile.MinConfidence
            && (profile.Sources.Count == 0 || profile.Sources.Contains(indicator.Source))
            && (profile.Categories.Count == 0 || (indicator.Category is { } category && profile.Categories.Contains(category)));
    }
}
