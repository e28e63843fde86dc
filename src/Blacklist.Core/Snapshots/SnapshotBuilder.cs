using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;

namespace Blacklist.Core.Snapshots;

/// <summary>Builds a <see cref="BlocklistSnapshot"/> from the active data, applying the lifetime rule at <c>now</c>.</summary>
public static class SnapshotBuilder
{
    /// <param name="changeCounter">The store's change counter the data was read at.</param>
    /// <param name="storedIndicators">Indicators as loaded (inactive ones at <paramref name="now"/> are skipped).</param>
    /// <param name="storedAllowlist">Allowlist entries as loaded (expired ones are skipped).</param>
    /// <param name="now">The moment the lifetime rule is applied at; becomes <see cref="BlocklistSnapshot.BuiltAt"/>.</param>
    /// <param name="options">Whether reserved ranges are served.</param>
    /// <param name="version">The new snapshot's version.</param>
    public static BlocklistSnapshot Build(
        long changeCounter,
        IReadOnlyCollection<IndicatorRecord> storedIndicators,
        IReadOnlyCollection<AllowlistRecord> storedAllowlist,
        DateTimeOffset now,
        SnapshotOptions options,
        long version)
    {
        ArgumentNullException.ThrowIfNull(storedIndicators);
        ArgumentNullException.ThrowIfNull(storedAllowlist);
        ArgumentNullException.ThrowIfNull(options);

        DateTimeOffset? nextExpiry = null;
        var indicators = new List<IndicatorRecord>(storedIndicators.Count);
        var blocked = new IpSetBuilder();
        var bySource = new Dictionary<string, int>(StringComparer.Ordinal);
        var byCategory = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byCountry = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int v4Indicators = 0, v6Indicators = 0;
        foreach (var indicator in storedIndicators)
        {
            // The store loaded these as active at its own "now"; re-apply the rule at ours.
            if (!indicator.IsActiveAt(now))
            {
                continue;
            }

            indicators.Add(indicator);
            blocked.Add(indicator.Range);
            nextExpiry = Earlier(nextExpiry, indicator.ExpiresAt);
            Increment(bySource, indicator.Source);
            Increment(byCategory, string.IsNullOrWhiteSpace(indicator.Category) ? SnapshotCounts.Unknown : indicator.Category);
            Increment(byCountry, string.IsNullOrWhiteSpace(indicator.Country) ? SnapshotCounts.Unknown : indicator.Country);
            if (indicator.Range.Family == IpFamily.V4)
            {
                v4Indicators++;
            }
            else
            {
                v6Indicators++;
            }
        }

        var allowlist = new List<AllowlistRecord>(storedAllowlist.Count);
        var allowed = new IpSetBuilder();
        foreach (var entry in storedAllowlist)
        {
            if (!entry.IsActiveAt(now))
            {
                continue;
            }

            allowlist.Add(entry);
            allowed.Add(entry.Range);
            if (entry.ExpiresAt is { } expiresAt)
            {
                nextExpiry = Earlier(nextExpiry, expiresAt);
            }
        }

        var allowlisted = allowed.Build();
        var active = blocked.Build().Except(allowlisted);
        if (!options.ServeReserved)
        {
            active = active.Except(ReservedRanges.Set);
        }

        var counts = new SnapshotCounts
        {
            Indicators = indicators.Count,
            IndicatorsBySource = bySource,
            IndicatorsByCategory = byCategory,
            IndicatorsByCountry = byCountry,
            IndicatorsByFamily = new Dictionary<IpFamily, int> { [IpFamily.V4] = v4Indicators, [IpFamily.V6] = v6Indicators },
            EntriesByFamily = new Dictionary<IpFamily, long>
            {
                [IpFamily.V4] = active.V4.CidrBlockCount(),
                [IpFamily.V6] = active.V6.CidrBlockCount(),
            },
            AddressesByFamily = new Dictionary<IpFamily, System.Numerics.BigInteger>
            {
                [IpFamily.V4] = active.AddressCount(IpFamily.V4),
                [IpFamily.V6] = active.AddressCount(IpFamily.V6),
            },
            AllowlistEntries = allowlist.Count,
        };

        return new BlocklistSnapshot(
            version,
            now,
            changeCounter,
            active,
            allowlisted,
            options,
            counts,
            nextExpiry,
            new CoverIndex<IndicatorRecord>(indicators, i => i.Range),
            new CoverIndex<AllowlistRecord>(allowlist, a => a.Range));
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? current, DateTimeOffset candidate)
        => current is null || candidate < current ? candidate : current;

    private static void Increment(Dictionary<string, int> counts, string key)
    {
        counts.TryGetValue(key, out var n);
        counts[key] = n + 1;
    }
}
