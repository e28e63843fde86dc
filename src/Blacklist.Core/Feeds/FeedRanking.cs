using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Core.Rendering;

namespace Blacklist.Core.Feeds;

/// <summary>
/// Keeps the highest-scored entries of a set (<see cref="FeedScore"/>), counting entries the way the
/// format writes them: CIDR blocks for plain, cidr and ipset, merged ranges for the others. Whole
/// entries are kept or dropped; a range is never cut.
/// </summary>
public static class FeedRanking
{
    /// <param name="set">The set to cut (every address in it is covered by some of <paramref name="indicators"/>).</param>
    /// <param name="format">Decides what one entry is.</param>
    /// <param name="indicators">The evidence; each indicator adds to every entry it overlaps.</param>
    /// <param name="now">The moment recency is measured from.</param>
    /// <param name="maxEntries">Entries to keep at most.</param>
    public static IpSet Top(IpSet set, ListFormat format, IReadOnlyList<IndicatorRecord> indicators, DateTimeOffset now, int maxEntries)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentOutOfRangeException.ThrowIfNegative(maxEntries);

        var entries = Entries(set, format);
        var v4Count = 0;
        while (v4Count < entries.Length && entries[v4Count].Family == IpFamily.V4)
        {
            v4Count++;
        }

        var strongest = new double[entries.Length];
        var sources = new int[entries.Length];
        var lastSource = new int[entries.Length];
        Array.Fill(lastSource, -1);

        // Source by source, so "distinct sources of an entry" is a counter and a last-seen mark.
        foreach (var (sourceId, group) in BySource(indicators))
        {
            foreach (var indicator in group)
            {
                var weight = FeedScore.Weight(indicator, now);
                var range = indicator.Range;
                var (from, to) = range.Family == IpFamily.V4 ? (0, v4Count) : (v4Count, entries.Length);
                for (var e = FirstEndingAtOrAfter(entries, from, to, range.First); e < to && entries[e].First <= range.Last; e++)
                {
                    strongest[e] = Math.Max(strongest[e], weight);
                    if (lastSource[e] != sourceId)
                    {
                        lastSource[e] = sourceId;
                        sources[e]++;
                    }
                }
            }
        }

        // One primitive sort on a composite key: score descending, then more sources, then address order.
        var keys = new UInt128[entries.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var scoreBits = BitConverter.DoubleToUInt64Bits(FeedScore.Entry(strongest[i], sources[i]));
            keys[i] = ((UInt128)~scoreBits << 64) | ((UInt128)(uint)(int.MaxValue - sources[i]) << 32) | (uint)i;
        }

        Array.Sort(keys);
        var order = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            order[i] = (int)(uint)keys[i];
        }

        // Kept CIDR blocks may merge into fewer lines, never more, except a whole address space that
        // the CIDR formats write as two /1 lines: shrink until the count fits.
        for (var keep = Math.Min(maxEntries, order.Length); ; keep--)
        {
            var builder = new IpSetBuilder();
            for (var i = 0; i < keep; i++)
            {
                builder.Add(entries[order[i]]);
            }

            var kept = builder.Build();
            if (keep == 0 || ListRenderers.CountEntries(format, kept) <= maxEntries)
            {
                return kept;
            }
        }
    }

    /// <summary>The entries of the set in the format's unit, IPv4 first, each family in address order.</summary>
    public static IpRange[] Entries(IpSet set, ListFormat format)
    {
        ArgumentNullException.ThrowIfNull(set);
        return format is ListFormat.Plain or ListFormat.Cidr or ListFormat.Ipset
            ? [.. set.CidrBlocks()]
            : [.. set.Ranges()];
    }

    // Groups indicators by source without sorting them all; names are usually shared strings, so the
    // reference check spares most dictionary lookups.
    private static IEnumerable<(int SourceId, List<IndicatorRecord> Indicators)> BySource(IReadOnlyList<IndicatorRecord> indicators)
    {
        var groups = new Dictionary<string, List<IndicatorRecord>>(StringComparer.Ordinal);
        string? lastName = null;
        List<IndicatorRecord>? last = null;
        foreach (var indicator in indicators)
        {
            if (!ReferenceEquals(indicator.Source, lastName))
            {
                lastName = indicator.Source;
                if (!groups.TryGetValue(lastName, out last))
                {
                    last = [];
                    groups.Add(lastName, last);
                }
            }

            last!.Add(indicator);
        }

        var id = 0;
        foreach (var group in groups.Values)
        {
            yield return (id++, group);
        }
    }

    // Entries are disjoint and sorted, so their ends are sorted too.
    private static int FirstEndingAtOrAfter(IpRange[] entries, int from, int to, UInt128 value)
    {
        int lo = from, hi = to;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (entries[mid].Last < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
