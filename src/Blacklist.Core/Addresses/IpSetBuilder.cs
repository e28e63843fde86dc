namespace Blacklist.Core.Addresses;

/// <summary>Collects ranges in any order and builds an <see cref="IpSet"/> with one sort and one sweep per family.</summary>
public sealed class IpSetBuilder
{
    // IPv4 ranges are kept packed (first << 32 | last): one array to grow and to sort.
    private ulong[] _v4 = new ulong[1024];
    private int _v4Count;
    private UInt128[] _v6First = new UInt128[16];
    private UInt128[] _v6Last = new UInt128[16];
    private int _v6Count;

    /// <summary>Ranges added so far (before merging).</summary>
    public int Count => _v4Count + _v6Count;

    /// <summary>IPv4 ranges added so far (before merging).</summary>
    public int V4Count => _v4Count;

    /// <summary>IPv6 ranges added so far (before merging).</summary>
    public int V6Count => _v6Count;

    public IpSetBuilder Add(IpRange range)
    {
        if (range.Family == IpFamily.V4)
        {
            AddV4((uint)range.First, (uint)range.Last);
        }
        else
        {
            AddV6(range.First, range.Last);
        }

        return this;
    }

    public void AddV4(uint first, uint last)
    {
        if (_v4Count == _v4.Length)
        {
            Array.Resize(ref _v4, _v4Count * 2);
        }

        _v4[_v4Count++] = PackedV4Ranges.Pack(first, last);
    }

    public void AddV6(UInt128 first, UInt128 last)
    {
        RangeSet<UInt128>.ThrowIfReversed(first, last);
        if (_v6Count == _v6First.Length)
        {
            Array.Resize(ref _v6First, _v6Count * 2);
            Array.Resize(ref _v6Last, _v6Count * 2);
        }

        _v6First[_v6Count] = first;
        _v6Last[_v6Count++] = last;
    }

    /// <summary>Sorts and merges what was added. The builder is reset and can be reused.</summary>
    public IpSet Build()
    {
        var set = new IpSet(
            PackedV4Ranges.SortAndMerge(_v4, _v4Count),
            RangeSet<UInt128>.FromUnsorted(_v6First, _v6Last, _v6Count));
        _v4Count = 0;
        _v6Count = 0;
        return set;
    }
}
