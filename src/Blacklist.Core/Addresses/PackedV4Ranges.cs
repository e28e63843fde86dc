using System.Buffers;

namespace Blacklist.Core.Addresses;

/// <summary>
/// IPv4 ranges packed as one ulong each, first in the high half and last in the low half, so that
/// sorting by the packed value sorts by first address. A radix sort of one ulong array is several
/// times faster than <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[])"/> of two uint arrays.
/// </summary>
internal static class PackedV4Ranges
{
    /// <summary>Below this a comparison sort beats the radix sort's fixed cost (two 64k-entry histograms).</summary>
    private const int RadixThreshold = 4096;

    public static ulong Pack(uint first, uint last)
    {
        RangeSet<uint>.ThrowIfReversed(first, last);
        return ((ulong)first << 32) | last;
    }

    public static ulong[] Pack(uint[] firsts, uint[] lasts, int count)
    {
        var packed = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            packed[i] = Pack(firsts[i], lasts[i]);
        }

        return packed;
    }

    /// <summary>Sorts the first <paramref name="count"/> entries in place by first address, then sweeps them into a set.</summary>
    public static RangeSet<uint> SortAndMerge(ulong[] packed, int count)
    {
        if (count == 0)
        {
            return RangeSet<uint>.Empty;
        }

        if (count < RadixThreshold)
        {
            Array.Sort(packed, 0, count);
        }
        else
        {
            RadixSortByFirst(packed, count);
        }

        return Merge(packed, count);
    }

    /// <summary>One sweep that drops contained ranges and joins overlapping and adjacent ones.</summary>
    private static RangeSet<uint> Merge(ulong[] sorted, int count)
    {
        var firsts = new uint[count];
        var lasts = new uint[count];
        var n = 0;
        var runFirst = (uint)(sorted[0] >> 32);
        var runLast = (uint)sorted[0];
        for (var i = 1; i < count; i++)
        {
            var first = (uint)(sorted[i] >> 32);
            var last = (uint)sorted[i];
            if (runLast == uint.MaxValue || first <= runLast + 1)
            {
                runLast = Math.Max(runLast, last);
                continue;
            }

            firsts[n] = runFirst;
            lasts[n++] = runLast;
            runFirst = first;
            runLast = last;
        }

        firsts[n] = runFirst;
        lasts[n++] = runLast;
        return RangeSet<uint>.FromNormalized(firsts, lasts, n);
    }

    /// <summary>
    /// Stable LSD radix sort on the high 32 bits in two 16-bit passes; the low half (last address)
    /// needs no order because the sweep keeps the largest last of equal firsts.
    /// </summary>
    private static void RadixSortByFirst(ulong[] items, int count)
    {
        var scratch = ArrayPool<ulong>.Shared.Rent(count);
        var low = ArrayPool<int>.Shared.Rent(65536);
        var high = ArrayPool<int>.Shared.Rent(65536);
        try
        {
            Array.Clear(low, 0, 65536);
            Array.Clear(high, 0, 65536);
            for (var i = 0; i < count; i++)
            {
                var v = items[i];
                low[(int)(v >> 32) & 0xFFFF]++;
                high[(int)(v >> 48)]++;
            }

            ToOffsets(low);
            ToOffsets(high);
            for (var i = 0; i < count; i++)
            {
                var v = items[i];
                scratch[low[(int)(v >> 32) & 0xFFFF]++] = v;
            }

            for (var i = 0; i < count; i++)
            {
                var v = scratch[i];
                items[high[(int)(v >> 48)]++] = v;
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scratch);
            ArrayPool<int>.Shared.Return(low);
            ArrayPool<int>.Shared.Return(high);
        }
    }

    private static void ToOffsets(int[] histogram)
    {
        var sum = 0;
        for (var i = 0; i < 65536; i++)
        {
            var c = histogram[i];
            histogram[i] = sum;
            sum += c;
        }
    }
}
