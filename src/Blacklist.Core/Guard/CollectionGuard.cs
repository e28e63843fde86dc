using System.Globalization;
using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;

namespace Blacklist.Core.Guard;

/// <summary>
/// Sanity checks between parsing and storing: a run that empties, shrinks or balloons a list,
/// or that would block a huge prefix, is refused so the previous data keeps being served.
/// </summary>
public static class CollectionGuard
{
    public static GuardVerdict Evaluate(GuardInput input, GuardLimits limits)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        var reasons = new List<string>();
        var count = input.Observations.Count;
        CheckSize(count, input.PreviousCount, limits, reasons);
        CheckRejected(count, input.Rejected, limits, reasons);
        CheckWidth(input.Observations, limits, reasons);
        return reasons.Count == 0 ? GuardVerdict.Accept : new GuardVerdict(reasons);
    }

    private static void CheckSize(int count, long? previous, GuardLimits limits, List<string> reasons)
    {
        if (previous is not { } before || before <= 0)
        {
            return;
        }

        if (count == 0)
        {
            if (!limits.AllowEmpty)
            {
                reasons.Add(Invariant($"the feed is empty but the previous successful run had {before} entries"));
            }

            return;
        }

        if (before < limits.MinimumBaseline)
        {
            return;
        }

        var change = (count - (double)before) / before;
        if (-change > limits.MaxShrinkFraction && limits.MaxShrinkFraction < 1)
        {
            reasons.Add(Invariant($"the feed shrank from {before} to {count} entries ({-change:P0}), more than the allowed {limits.MaxShrinkFraction:P0}"));
        }

        if (limits.MaxGrowthFraction is { } maxGrowth && change > maxGrowth)
        {
            reasons.Add(Invariant($"the feed grew from {before} to {count} entries (+{change:P0}), more than the allowed +{maxGrowth:P0}"));
        }
    }

    private static void CheckRejected(int count, long rejected, GuardLimits limits, List<string> reasons)
    {
        var total = count + rejected;
        if (rejected == 0 || limits.MaxRejectedFraction >= 1)
        {
            return;
        }

        var fraction = rejected / (double)total;
        if (fraction > limits.MaxRejectedFraction)
        {
            reasons.Add(Invariant($"{rejected} of {total} lines were rejected ({fraction:P0}), more than the allowed {limits.MaxRejectedFraction:P0}: has the feed's format changed?"));
        }
    }

    private static void CheckWidth(IReadOnlyList<Observation> observations, GuardLimits limits, List<string> reasons)
    {
        var v4Limit = AddressesIn(IpFamily.V4, limits.MaxIpv4PrefixWidth);
        var v6Limit = AddressesIn(IpFamily.V6, limits.MaxIpv6PrefixWidth);
        var tooWide = new List<string>();
        var tooWideCount = 0;
        foreach (var observation in observations)
        {
            var range = observation.Range;
            var size = range.Last - range.First;
            var limit = range.Family == IpFamily.V4 ? v4Limit : v6Limit;
            if (size <= limit)
            {
                continue;
            }

            tooWideCount++;
            if (tooWide.Count < 5)
            {
                tooWide.Add(observation.LineNumber > 0 ? Invariant($"{range} (line {observation.LineNumber})") : range.ToString());
            }
        }

        if (tooWideCount > 0)
        {
            reasons.Add(Invariant(
                $"{tooWideCount} entries are wider than the allowed /{limits.MaxIpv4PrefixWidth} (IPv4) or /{limits.MaxIpv6PrefixWidth} (IPv6): {string.Join(", ", tooWide)}"));
        }
    }

    /// <summary>The largest Last − First a range may span: a prefix of <paramref name="width"/> bits covers 2^(bits − width) addresses.</summary>
    private static UInt128 AddressesIn(IpFamily family, int width)
    {
        var hostBits = family.Bits() - Math.Clamp(width, 0, family.Bits());
        return hostBits >= 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
