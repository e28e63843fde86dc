using System.Numerics;

namespace Blacklist.Core.Addresses;

/// <summary>
/// An immutable set of addresses of one family as sorted, disjoint, non-adjacent inclusive ranges
/// (uint for IPv4, UInt128 for IPv6). Every set operation is one linear sweep over sorted input,
/// in the manner of FireHOL's iprange.
/// </summary>
public sealed class RangeSet<T>
    where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
{
    private readonly T[] _firsts;
    private readonly T[] _lasts;

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

    /// <summary>Builds a set from ranges in any order; the arrays are sorted in place and then swept.</summary>
    public static RangeSet<T> FromUnsorted(T[] firsts, T[] lasts, int count)
    {
        if (count == 0)
        {
            return Empty;
        }

        Array.Sort(firsts, lasts, 0, count);
        var outFirst = new List<T>(Math.Min(count, 1 << 20));
        var outLast = new List<T>(Math.Min(count, 1 << 20));
        var curFirst = firsts[0];
        var curLast = lasts[0];
        for (var i = 1; i < count; i++)
        {
            var f = firsts[i];
            var l = lasts[i];
            if (curLast == T.MaxValue || f <= curLast + T.One)
            {
                // Overlapping, adjacent or contained: extend the current run.
                if (l > curLast)
                {
                    curLast = l;
                }

                continue;
            }

            outFirst.Add(curFirst);
            outLast.Add(curLast);
            curFirst = f;
            curLast = l;
        }

        outFirst.Add(curFirst);
        outLast.Add(curLast);
        return new RangeSet<T>([.. outFirst], [.. outLast]);
    }

    /// <summary>Wraps ranges already sorted, disjoint and non-adjacent (as another set's sweep produced).</summary>
    internal static RangeSet<T> FromNormalized(T[] firsts, T[] lasts) => firsts.Length == 0 ? Empty : new(firsts, lasts);

    /// <summary>True when <paramref name="value"/> lies in one of the ranges: O(log n).</summary>
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

    /// <summary>Exact count of addresses in the set.</summary>
    public BigInteger AddressCount()
    {
        BigInteger total = BigInteger.Zero;
        UInt128 run = UInt128.Zero;
        for (var i = 0; i < _firsts.Length; i++)
        {
            var size = UInt128.CreateTruncating(_lasts[i] - _firsts[i]);
            if (run > UInt128.MaxValue - size - 1 || size == UInt128.MaxValue)
            {
                total += run;
                run = UInt128.Zero;
                total += (BigInteger)size + 1;
                continue;
            }

            run += size + 1;
        }

        return total + run;
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

        var firsts = new List<T>(Count + other.Count);
        var lasts = new List<T>(Count + other.Count);
        int i = 0, j = 0;
        var haveRun = false;
        T runFirst = T.Zero, runLast = T.Zero;
        while (i < Count || j < other.Count)
        {
            T f, l;
            if (j >= other.Count || (i < Count && _firsts[i] <= other._firsts[j]))
            {
                f = _firsts[i];
                l = _lasts[i++];
            }
            else
            {
                f = other._firsts[j];
                l = other._lasts[j++];
            }

            if (haveRun && (runLast == T.MaxValue || f <= runLast + T.One))
            {
                if (l > runLast)
                {
                    runLast = l;
                }

                continue;
            }

            if (haveRun)
            {
                firsts.Add(runFirst);
                lasts.Add(runLast);
            }

            runFirst = f;
            runLast = l;
            haveRun = true;
        }

        firsts.Add(runFirst);
        lasts.Add(runLast);
        return new RangeSet<T>([.. firsts], [.. lasts]);
    }

    /// <summary>The addresses of this set that are not in <paramref name="other"/>.</summary>
    public RangeSet<T> Except(RangeSet<T> other)
    {
        if (other.Count == 0 || Count == 0)
        {
            return this;
        }

        var firsts = new List<T>(Count);
        var lasts = new List<T>(Count);
        var j = 0;
        for (var i = 0; i < Count; i++)
        {
            var f = _firsts[i];
            var l = _lasts[i];
            while (j < other.Count && other._lasts[j] < f)
            {
                j++;
            }

            var k = j;
            var consumed = false;
            while (k < other.Count && other._firsts[k] <= l)
            {
                if (other._firsts[k] > f)
                {
                    firsts.Add(f);
                    lasts.Add(other._firsts[k] - T.One);
                }

                if (other._lasts[k] >= l)
                {
                    consumed = true;
                    break;
                }

                f = other._lasts[k] + T.One;
                k++;
            }

            if (!consumed)
            {
                firsts.Add(f);
                lasts.Add(l);
            }

            // The other set's range at k may still cut into the next range of this set.
            j = k;
        }

        return FromNormalized([.. firsts], [.. lasts]);
    }

    public RangeSet<T> Intersect(RangeSet<T> other)
    {
        if (other.Count == 0 || Count == 0)
        {
            return Empty;
        }

        var firsts = new List<T>();
        var lasts = new List<T>();
        int i = 0, j = 0;
        while (i < Count && j < other.Count)
        {
            var f = T.Max(_firsts[i], other._firsts[j]);
            var l = T.Min(_lasts[i], other._lasts[j]);
            if (f <= l)
            {
                firsts.Add(f);
                lasts.Add(l);
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

        return FromNormalized([.. firsts], [.. lasts]);
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
        var bits = int.CreateTruncating(T.PopCount(T.MaxValue));
        while (true)
        {
            // The largest block aligned at `first` that does not pass `last`.
            var alignment = first == T.Zero ? bits : int.CreateTruncating(T.TrailingZeroCount(first));
            var span = last - first;
            var fit = span == T.MaxValue ? bits : bits - 1 - int.CreateTruncating(T.LeadingZeroCount(span + T.One));
            var hostBits = Math.Min(alignment, fit);
            yield return (first, hostBits);
            if (hostBits == bits)
            {
                yield break;
            }

            var blockLast = first + ((T.One << hostBits) - T.One);
            if (blockLast >= last)
            {
                yield break;
            }

            first = blockLast + T.One;
        }
    }

    /// <summary>Number of CIDR blocks in the minimal cover, without materialising them.</summary>
    public long CidrBlockCount()
    {
        long total = 0;
        foreach (var _ in CidrBlocks())
        {
            total++;
        }

        return total;
    }

    /// <summary>Index of the last range whose first address is at or below <paramref name="value"/>, or -1.</summary>
    private int IndexOfLastFirstAtOrBelow(T value)
    {
        int lo = 0, hi = _firsts.Length - 1;
        while (lo <= hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_firsts[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return hi;
    }
}
