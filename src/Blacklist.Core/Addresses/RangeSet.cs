using System.Numerics;

namespace Blacklist.Core.Addresses;

/// <summary>
/// An immutable set of addresses of one family as sorted, disjoint, non-adjacent inclusive ranges
/// (uint for IPv4, UInt128 for IPv6). Every set operation is one linear sweep over sorted input,
/// in the manner of FireHOL's iprange. Safe to share between threads.
/// </summary>
public sealed class RangeSet<T>
    where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
{
    /// <summary>Below this many ranges a plain binary search is as fast as the index and needs no memory.</summary>
    private const int IndexThreshold = 16;

    private static readonly int Bits = int.CreateTruncating(T.PopCount(T.MaxValue));

    private readonly T[] _firsts;
    private readonly T[] _lasts;

    // Built on the first lookup of a large set; racing builders produce equal indexes, so one simply wins.
    private RangeIndex<T>? _index;

    private RangeSet(T[] firsts, T[] lasts)
    {
        _firsts = firsts;
        _lasts = lasts;
    }

    public static RangeSet<T> Empty { get; } = new([], []);

    /// <summary>Number of disjoint ranges.</summary>
    public int Count => _firsts.Length;

    public ReadOnlySpan<T> Firsts => _firsts;

    public ReadOnlySpan<T> Lasts => _lasts;

    /// <summary>
    /// Builds a set from the first <paramref name="count"/> ranges of the arrays, in any order,
    /// overlapping or not. The arrays are used as scratch space: their order afterwards is unspecified.
    /// </summary>
    public static RangeSet<T> FromUnsorted(T[] firsts, T[] lasts, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Math.Min(firsts.Length, lasts.Length));
        if (count == 0)
        {
            return Empty;
        }

        if (typeof(T) == typeof(uint))
        {
            // IPv4 sorts much faster as one array of packed (first, last) pairs.
            var packed = PackedV4Ranges.Pack((uint[])(object)firsts, (uint[])(object)lasts, count);
            return (RangeSet<T>)(object)PackedV4Ranges.SortAndMerge(packed, count);
        }

        for (var i = 0; i < count; i++)
        {
            ThrowIfReversed(firsts[i], lasts[i]);
        }

        Array.Sort(firsts, lasts, 0, count);
        var outFirsts = new T[count];
        var outLasts = new T[count];
        var n = 0;
        var runFirst = firsts[0];
        var runLast = lasts[0];
        for (var i = 1; i < count; i++)
        {
            var (f, l) = (firsts[i], lasts[i]);
            if (Touches(runLast, f))
            {
                runLast = T.Max(runLast, l);
                continue;
            }

            (outFirsts[n], outLasts[n]) = (runFirst, runLast);
            n++;
            (runFirst, runLast) = (f, l);
        }

        (outFirsts[n], outLasts[n]) = (runFirst, runLast);
        return FromNormalized(outFirsts, outLasts, n + 1);
    }

    /// <summary>Wraps ranges already sorted, disjoint and non-adjacent (as another set's sweep produced).</summary>
    internal static RangeSet<T> FromNormalized(T[] firsts, T[] lasts, int count)
    {
        if (count == 0)
        {
            return Empty;
        }

        if (count != firsts.Length)
        {
            Array.Resize(ref firsts, count);
            Array.Resize(ref lasts, count);
        }

        return new RangeSet<T>(firsts, lasts);
    }

    /// <summary>True when <paramref name="value"/> lies in one of the ranges: O(1) for spread-out sets, O(log n) at worst.</summary>
    public bool Contains(T value)
    {
        var index = IndexOfLastFirstAtOrBelow(value);
        return index >= 0 && value <= _lasts[index];
    }

    /// <summary>True when every address of [first, last] is in the set.</summary>
    public bool ContainsAll(T first, T last)
    {
        var index = IndexOfLastFirstAtOrBelow(first);
        return index >= 0 && last <= _lasts[index];
    }

    /// <summary>True when some address of [first, last] is in the set.</summary>
    public bool Overlaps(T first, T last)
    {
        var index = IndexOfLastFirstAtOrBelow(last);
        return index >= 0 && _lasts[index] >= first;
    }

    /// <summary>Exact count of addresses in the set (2^128 for the whole IPv6 space).</summary>
    public BigInteger AddressCount()
    {
        // Disjoint ranges hold at most every address, so the sum fits UInt128 except for the whole space.
        if (Count == 1 && _firsts[0] == T.Zero && _lasts[0] == T.MaxValue)
        {
            return (BigInteger)UInt128.CreateTruncating(T.MaxValue) + 1;
        }

        var total = UInt128.Zero;
        for (var i = 0; i < _firsts.Length; i++)
        {
            total += UInt128.CreateTruncating(_lasts[i] - _firsts[i]) + 1;
        }

        return total;
    }

    public RangeSet<T> Union(RangeSet<T> other)
    {
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        var firsts = new T[Count + other.Count];
        var lasts = new T[firsts.Length];
        int i = 0, j = 0, n = -1;
        while (i < Count || j < other.Count)
        {
            T f, l;
            if (j >= other.Count || (i < Count && _firsts[i] <= other._firsts[j]))
            {
                (f, l) = (_firsts[i], _lasts[i++]);
            }
            else
            {
                (f, l) = (other._firsts[j], other._lasts[j++]);
            }

            if (n >= 0 && Touches(lasts[n], f))
            {
                lasts[n] = T.Max(lasts[n], l);
                continue;
            }

            n++;
            (firsts[n], lasts[n]) = (f, l);
        }

        return FromNormalized(firsts, lasts, n + 1);
    }

    /// <summary>The addresses of this set that are not in <paramref name="other"/>.</summary>
    public RangeSet<T> Except(RangeSet<T> other)
    {
        if (other.Count == 0 || Count == 0)
        {
            return this;
        }

        // Each range of `other` splits at most one range of this set in two.
        var firsts = new T[Count + other.Count];
        var lasts = new T[firsts.Length];
        var n = 0;
        var j = 0;
        for (var i = 0; i < Count; i++)
        {
            var f = _firsts[i];
            var l = _lasts[i];
            while (j < other.Count && other._lasts[j] < f)
            {
                j++;
            }

            var consumed = false;
            while (j < other.Count && other._firsts[j] <= l)
            {
                if (other._firsts[j] > f)
                {
                    (firsts[n], lasts[n]) = (f, other._firsts[j] - T.One);
                    n++;
                }

                if (other._lasts[j] >= l)
                {
                    // This cut may reach into the next range of this set, so j stays on it.
                    consumed = true;
                    break;
                }

                f = other._lasts[j] + T.One;
                j++;
            }

            if (!consumed)
            {
                (firsts[n], lasts[n]) = (f, l);
                n++;
            }
        }

        return FromNormalized(firsts, lasts, n);
    }

    public RangeSet<T> Intersect(RangeSet<T> other)
    {
        if (other.Count == 0 || Count == 0)
        {
            return Empty;
        }

        var firsts = new T[Count + other.Count];
        var lasts = new T[firsts.Length];
        int i = 0, j = 0, n = 0;
        while (i < Count && j < other.Count)
        {
            var f = T.Max(_firsts[i], other._firsts[j]);
            var l = T.Min(_lasts[i], other._lasts[j]);
            if (f <= l)
            {
                (firsts[n], lasts[n]) = (f, l);
                n++;
            }

            if (_lasts[i] < other._lasts[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return FromNormalized(firsts, lasts, n);
    }

    /// <summary>The minimal list of CIDR blocks covering exactly each range, in order: (network, host bits).</summary>
    public IEnumerable<(T Network, int HostBits)> CidrBlocks()
    {
        for (var i = 0; i < _firsts.Length; i++)
        {
            foreach (var block in CidrBlocksOf(_firsts[i], _lasts[i]))
            {
                yield return block;
            }
        }
    }

    /// <summary>The minimal CIDR blocks covering exactly [first, last]: (network, host bits).</summary>
    public static IEnumerable<(T Network, int HostBits)> CidrBlocksOf(T first, T last)
    {
        while (true)
        {
            var hostBits = LargestBlockAt(first, last);
            yield return (first, hostBits);
            if (!TryAdvancePastBlock(ref first, hostBits, last))
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Host bits of the largest CIDR block that starts at <paramref name="first"/> and ends at or
    /// before <paramref name="last"/>: the first block of the minimal cover of [first, last].
    /// Loops that write millions of blocks use this with <see cref="TryAdvancePastBlock"/> instead of an enumerator.
    /// </summary>
    public static int LargestBlockAt(T first, T last)
    {
        var alignment = first == T.Zero ? Bits : int.CreateTruncating(T.TrailingZeroCount(first));
        var span = last - first;
        var fit = span == T.MaxValue ? Bits : Bits - 1 - int.CreateTruncating(T.LeadingZeroCount(span + T.One));
        return Math.Min(alignment, fit);
    }

    /// <summary>Moves <paramref name="first"/> past the block of <paramref name="hostBits"/>; false when that block reached <paramref name="last"/>.</summary>
    public static bool TryAdvancePastBlock(ref T first, int hostBits, T last)
    {
        if (hostBits == Bits)
        {
            return false;
        }

        var blockLast = first + ((T.One << hostBits) - T.One);
        if (blockLast >= last)
        {
            return false;
        }

        first = blockLast + T.One;
        return true;
    }

    /// <summary>Number of CIDR blocks in the minimal cover, without materialising them.</summary>
    public long CidrBlockCount()
    {
        long total = 0;
        for (var i = 0; i < _firsts.Length; i++)
        {
            var first = _firsts[i];
            do
            {
                total++;
            }
            while (TryAdvancePastBlock(ref first, LargestBlockAt(first, _lasts[i]), _lasts[i]));
        }

        return total;
    }

    /// <summary>True when a range starting at <paramref name="first"/> overlaps or touches a run ending at <paramref name="runLast"/>.</summary>
    internal static bool Touches(T runLast, T first) => runLast == T.MaxValue || first <= runLast + T.One;

    internal static void ThrowIfReversed(T first, T last)
    {
        if (first > last)
        {
            throw new ArgumentException($"The range start {first} is after its end {last}.", nameof(first));
        }
    }

    /// <summary>Index of the last range whose first address is at or below <paramref name="value"/>, or -1.</summary>
    private int IndexOfLastFirstAtOrBelow(T value)
    {
        if (_firsts.Length < IndexThreshold)
        {
            return SortedSearch.LastAtOrBelow(_firsts, 0, _firsts.Length, value);
        }

        var index = _index;
        if (index is null)
        {
            index = RangeIndex<T>.Build(_firsts);
            Interlocked.CompareExchange(ref _index, index, null);
        }

        return index.IndexOfLastFirstAtOrBelow(_firsts, value);
    }
}
