using System.Numerics;

namespace Blacklist.Core.Addresses;

/// <summary>
/// A direct-mapped table over the top bits of a set's span that narrows a lookup to the few
/// ranges starting in the same bucket, so <see cref="RangeSet{T}.Contains"/> costs one table read
/// and a search over about one or two entries instead of ~17 probes on 100k ranges.
/// Memory is 4 bytes per bucket, at most 65,536 buckets (about one per range).
/// </summary>
internal sealed class RangeIndex<T>
    where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
{
    private const int MaxBucketBits = 16;

    private readonly T _low;
    private readonly int _shift;
    private readonly T _lastBucket;

    // _starts[b] is the index of the first range whose start falls in bucket b or later; one extra entry closes the last bucket.
    private readonly int[] _starts;

    private RangeIndex(T low, int shift, int[] starts)
    {
        _low = low;
        _shift = shift;
        _starts = starts;
        _lastBucket = T.CreateTruncating(starts.Length - 2);
    }

    public static RangeIndex<T> Build(ReadOnlySpan<T> firsts)
    {
        var low = firsts[0];
        var spanBits = BitLength(firsts[^1] - low);
        var bucketBits = Math.Clamp(BitLength(T.CreateTruncating(firsts.Length)), 1, MaxBucketBits);
        var shift = Math.Max(0, spanBits - bucketBits);
        var buckets = 1 << Math.Min(bucketBits, Math.Max(spanBits, 1));
        var starts = new int[buckets + 1];
        var next = 0;
        for (var i = 0; i < firsts.Length; i++)
        {
            var bucket = int.CreateTruncating((firsts[i] - low) >> shift);
            while (next <= bucket)
            {
                starts[next++] = i;
            }
        }

        while (next <= buckets)
        {
            starts[next++] = firsts.Length;
        }

        return new RangeIndex<T>(low, shift, starts);
    }

    /// <summary>Index of the last range whose first address is at or below <paramref name="value"/>, or -1.</summary>
    public int IndexOfLastFirstAtOrBelow(T[] firsts, T value)
    {
        if (value < _low)
        {
            return -1;
        }

        // Values past the last range start fall into the last bucket, whose search then ends at its top.
        var bucket = int.CreateTruncating(T.Min((value - _low) >> _shift, _lastBucket));
        return SortedSearch.LastAtOrBelow(firsts, _starts[bucket], _starts[bucket + 1], value);
    }

    private static int BitLength(T value) => value == T.Zero ? 0 : int.CreateTruncating(T.PopCount(T.AllBitsSet)) - int.CreateTruncating(T.LeadingZeroCount(value));
}
