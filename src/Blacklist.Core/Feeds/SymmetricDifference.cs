using System.Numerics;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Feeds;

/// <summary>
/// new − old and old − new of two range sets in one sorted sweep over both range arrays (in the
/// manner of FireHOL's iprange). Ranges equal in both lists are skipped without any work, and the
/// output buffers grow with the change, not with the list: a delta of 10,000 changes on 1,000,000
/// ranges allocates for 10,000 ranges, never per range and never for the whole list.
/// </summary>
internal static class SymmetricDifference
{
    public static (RangeSet<T> Added, RangeSet<T> Removed) Of<T>(RangeSet<T> older, RangeSet<T> newer)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
    {
        if (ReferenceEquals(older, newer))
        {
            return (RangeSet<T>.Empty, RangeSet<T>.Empty);
        }

        var oldFirsts = older.Firsts;
        var oldLasts = older.Lasts;
        var newFirsts = newer.Firsts;
        var newLasts = newer.Lasts;
        var added = new Pieces<T>();
        var removed = new Pieces<T>();
        int i = 0, j = 0;

        // (oldFirst, oldLast) and (newFirst, newLast) are what is left of the current range of each list.
        T oldFirst = default, oldLast = default, newFirst = default, newLast = default;
        if (i < oldFirsts.Length)
        {
            (oldFirst, oldLast) = (oldFirsts[0], oldLasts[0]);
        }

        if (j < newFirsts.Length)
        {
            (newFirst, newLast) = (newFirsts[0], newLasts[0]);
        }

        while (i < oldFirsts.Length && j < newFirsts.Length)
        {
            if (oldFirst == newFirst && oldLast == newLast)
            {
                // The common case of a list that barely changed.
                i++;
                j++;
                Load(oldFirsts, oldLasts, i, ref oldFirst, ref oldLast);
                Load(newFirsts, newLasts, j, ref newFirst, ref newLast);
                continue;
            }

            if (oldLast < newFirst)
            {
                removed.Add(oldFirst, oldLast);
                Load(oldFirsts, oldLasts, ++i, ref oldFirst, ref oldLast);
                continue;
            }

            if (newLast < oldFirst)
            {
                added.Add(newFirst, newLast);
                Load(newFirsts, newLasts, ++j, ref newFirst, ref newLast);
                continue;
            }

            // Overlapping: what sticks out in front belongs to one side only.
            if (oldFirst < newFirst)
            {
                removed.Add(oldFirst, newFirst - T.One);
                oldFirst = newFirst;
            }
            else if (newFirst < oldFirst)
            {
                added.Add(newFirst, oldFirst - T.One);
                newFirst = oldFirst;
            }

            // Both start at the same address now; the shared part is dropped from both.
            if (oldLast == newLast)
            {
                Load(oldFirsts, oldLasts, ++i, ref oldFirst, ref oldLast);
                Load(newFirsts, newLasts, ++j, ref newFirst, ref newLast);
            }
            else if (oldLast < newLast)
            {
                newFirst = oldLast + T.One;
                Load(oldFirsts, oldLasts, ++i, ref oldFirst, ref oldLast);
            }
            else
            {
                oldFirst = newLast + T.One;
                Load(newFirsts, newLasts, ++j, ref newFirst, ref newLast);
            }
        }

        for (; i < oldFirsts.Length; Load(oldFirsts, oldLasts, ++i, ref oldFirst, ref oldLast))
        {
            removed.Add(oldFirst, oldLast);
        }

        for (; j < newFirsts.Length; Load(newFirsts, newLasts, ++j, ref newFirst, ref newLast))
        {
            added.Add(newFirst, newLast);
        }

        return (added.Build(), removed.Build());
    }

    private static void Load<T>(ReadOnlySpan<T> firsts, ReadOnlySpan<T> lasts, int index, ref T first, ref T last)
        where T : unmanaged
    {
        if (index < firsts.Length)
        {
            first = firsts[index];
            last = lasts[index];
        }
    }

    /// <summary>
    /// Sorted, disjoint output ranges. Pieces of one side never touch: pieces of one range are
    /// separated by what the other list covers, and ranges of one list by a gap.
    /// </summary>
    private struct Pieces<T>
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
    {
        private T[]? _firsts;
        private T[]? _lasts;
        private int _count;

        public void Add(T first, T last)
        {
            if (_firsts is null || _count == _firsts.Length)
            {
                var size = _firsts is null ? 64 : _firsts.Length * 2;
                Array.Resize(ref _firsts, size);
                Array.Resize(ref _lasts, size);
            }

            _firsts[_count] = first;
            _lasts![_count] = last;
            _count++;
        }

        public readonly RangeSet<T> Build()
            => _firsts is null ? RangeSet<T>.Empty : RangeSet<T>.FromNormalized(_firsts, _lasts!, _count);
    }
}
