using System.Numerics;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Rendering;

/// <summary>The merged ranges of one family's set as <see cref="IpRange"/> values, by index (no enumerator).</summary>
internal static class MergedRanges
{
    public static IpRange At<T>(RangeSet<T> set, IpFamily family, int index)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
        => new(family, UInt128.CreateTruncating(set.Firsts[index]), UInt128.CreateTruncating(set.Lasts[index]));
}
