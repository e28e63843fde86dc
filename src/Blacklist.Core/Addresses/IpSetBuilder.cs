namespace Blacklist.Core.Addresses;

/// <summary>Collects ranges in any order and builds an <see cref="IpSet"/> with one sort and one sweep per family.</summary>
public sealed class IpSetBuilder
{
    private uint[] _v4First = new uint[1024];
    private uint[] _v4Last = new uint[1024];
    private int _v4Count;
    private UInt128[] _v6First = new UInt128[16];
    private UInt128[] _v6Last = new UInt128[16];
    private int _v6Count;

    /// <summary>Ranges added so far (before merging).</summary>
    public int Count => _v4Count + _v6Count;

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
        if (_v4Count == _v4First.Length)
        {
            Array.Resize(ref _v4First, _v4Count * 2);
            Array.Resize(ref _v4Last, _v4Count * 2);
        }

        _v4First[_v4Count] = first;
        _v4Last[_v4Count++] = last;
    }

    public void AddV6(UInt128 first, UInt128 last)
    {
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
            RangeSet<uint>.FromUnsorted(_v4First, _v4Last, _v4Count),
            RangeSet<UInt128>.FromUnsorted(_v6First, _v6Last, _v6Count));
        _v4Count = 0;
        _v6Count = 0;
        return set;
    }
}
