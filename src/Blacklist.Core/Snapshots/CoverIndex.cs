using Blacklist.Core.Addresses;

namespace Blacklist.Core.Snapshots;

/// <summary>
/// Finds the items whose range covers an address, for both families, in O(log n + k).
/// Holds the items once, by reference; the per-family trees hold only numbers and positions.
/// </summary>
public sealed partial class CoverIndex<TItem>
    where TItem : class
{
    private readonly TItem[] _items;
    private readonly IntervalTree<uint> _v4;
    private readonly IntervalTree<UInt128> _v6;

    public CoverIndex(IReadOnlyCollection<TItem> items, Func<TItem, IpRange> rangeOf)
    {
        _items = [.. items];
        int v4Count = 0;
        foreach (var item in _items)
        {
            if (rangeOf(item).Family == IpFamily.V4)
            {
                v4Count++;
            }
        }

        var v4Starts = new uint[v4Count];
        var v4Ends = new uint[v4Count];
        var v4Positions = new int[v4Count];
        var v6Starts = new UInt128[_items.Length - v4Count];
        var v6Ends = new UInt128[v6Starts.Length];
        var v6Positions = new int[v6Starts.Length];
        int i4 = 0, i6 = 0;
        for (var i = 0; i < _items.Length; i++)
        {
            var range = rangeOf(_items[i]);
            if (range.Family == IpFamily.V4)
            {
                v4Starts[i4] = (uint)range.First;
                v4Ends[i4] = (uint)range.Last;
                v4Positions[i4++] = i;
            }
            else
            {
                v6Starts[i6] = range.First;
                v6Ends[i6] = range.Last;
                v6Positions[i6++] = i;
            }
        }

        _v4 = new IntervalTree<uint>(v4Starts, v4Ends, v4Positions);
        _v6 = new IntervalTree<UInt128>(v6Starts, v6Ends, v6Positions);
    }

    public int Count => _items.Length;

    /// <summary>Every item whose range contains the address, in order of range start.</summary>
    public IReadOnlyList<TItem> FindCovering(IpFamily family, UInt128 value)
    {
        var positions = new List<int>();
        if (family == IpFamily.V4)
        {
            _v4.FindContaining((uint)value, positions);
        }
        else
        {
            _v6.FindContaining(value, positions);
        }

        if (positions.Count == 0)
        {
            return [];
        }

        var found = new TItem[positions.Count];
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = _items[positions[i]];
        }

        return found;
    }
}
