using Blacklist.Core.Addresses;

namespace Blacklist.Core.Snapshots;

/// <summary>
/// Cuts a served list down to a device's entry limit, keeping the entries the evidence is
/// strongest for: the highest confidence of an indicator covering the entry's first address, then
/// the most sources there, then the wider entry, then address order (so the cut is deterministic).
/// </summary>
public static class EntryRanking
{
    /// <summary>The best <paramref name="maxEntries"/> of <paramref name="entries"/> (disjoint ranges of the snapshot's served set) as a set.</summary>
    public static IpSet Top(BlocklistSnapshot snapshot, IEnumerable<IpRange> entries, int maxEntries)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(maxEntries);

        var ranked = new List<RankedEntry>();
        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var confidence = 0;
            sources.Clear();
            foreach (var indicator in snapshot.Lookup(entry.Family, entry.First).Indicators)
            {
                confidence = Math.Max(confidence, indicator.Confidence);
                sources.Add(indicator.Source);
            }

            ranked.Add(new RankedEntry(entry, confidence, sources.Count, ranked.Count));
        }

        ranked.Sort(static (a, b) =>
        {
            var c = b.Confidence.CompareTo(a.Confidence);
            c = c != 0 ? c : b.Sources.CompareTo(a.Sources);
            c = c != 0 ? c : (b.Entry.Last - b.Entry.First).CompareTo(a.Entry.Last - a.Entry.First);
            return c != 0 ? c : a.Order.CompareTo(b.Order);
        });

        var kept = new IpSetBuilder();
        for (var i = 0; i < Math.Min(maxEntries, ranked.Count); i++)
        {
            kept.Add(ranked[i].Entry);
        }

        return kept.Build();
    }

    private readonly record struct RankedEntry(IpRange Entry, int Confidence, int Sources, int Order);
}
