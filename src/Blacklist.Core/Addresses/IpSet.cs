using System.Net;
using System.Numerics;

namespace Blacklist.Core.Addresses;

/// <summary>
/// An immutable set of IPv4 and IPv6 addresses: one <see cref="RangeSet{T}"/> per family.
/// Build one with <see cref="IpSetBuilder"/>.
/// </summary>
public sealed class IpSet
{
    public IpSet(RangeSet<uint> v4, RangeSet<UInt128> v6)
    {
        V4 = v4;
        V6 = v6;
    }

    public static IpSet Empty { get; } = new(RangeSet<uint>.Empty, RangeSet<UInt128>.Empty);

    public RangeSet<uint> V4 { get; }

    public RangeSet<UInt128> V6 { get; }

    /// <summary>Number of disjoint ranges over both families.</summary>
    public int RangeCount => V4.Count + V6.Count;

    public bool IsEmpty => RangeCount == 0;

    public static IpSet FromRanges(IEnumerable<IpRange> ranges)
    {
        var builder = new IpSetBuilder();
        foreach (var range in ranges)
        {
            builder.Add(range);
        }

        return builder.Build();
    }

    public bool Contains(IPAddress address)
    {
        var (family, value) = IpRange.ToNumber(address);
        return Contains(family, value);
    }

    public bool Contains(IpFamily family, UInt128 value)
        => family == IpFamily.V4 ? V4.Contains((uint)value) : V6.Contains(value);

    /// <summary>True when every address of <paramref name="range"/> is in the set.</summary>
    public bool ContainsAll(IpRange range)
        => range.Family == IpFamily.V4 ? V4.ContainsAll((uint)range.First, (uint)range.Last) : V6.ContainsAll(range.First, range.Last);

    /// <summary>True when some address of <paramref name="range"/> is in the set.</summary>
    public bool Overlaps(IpRange range)
        => range.Family == IpFamily.V4 ? V4.Overlaps((uint)range.First, (uint)range.Last) : V6.Overlaps(range.First, range.Last);

    public IpSet Union(IpSet other) => new(V4.Union(other.V4), V6.Union(other.V6));

    public IpSet Except(IpSet other) => new(V4.Except(other.V4), V6.Except(other.V6));

    public IpSet Intersect(IpSet other) => new(V4.Intersect(other.V4), V6.Intersect(other.V6));

    public BigInteger AddressCount(IpFamily family) => family == IpFamily.V4 ? V4.AddressCount() : V6.AddressCount();

    /// <summary>The disjoint ranges, IPv4 first, each in ascending order.</summary>
    public IEnumerable<IpRange> Ranges()
    {
        for (var i = 0; i < V4.Count; i++)
        {
            yield return IpRange.V4(V4.Firsts[i], V4.Lasts[i]);
        }

        for (var i = 0; i < V6.Count; i++)
        {
            yield return IpRange.V6(V6.Firsts[i], V6.Lasts[i]);
        }
    }

    /// <summary>The minimal CIDR cover as ranges, each exactly one block, IPv4 first.</summary>
    public IEnumerable<IpRange> CidrBlocks()
    {
        foreach (var (network, hostBits) in V4.CidrBlocks())
        {
            yield return IpRange.FromCidr(IpFamily.V4, network, 32 - hostBits);
        }

        foreach (var (network, hostBits) in V6.CidrBlocks())
        {
            yield return IpRange.FromCidr(IpFamily.V6, network, 128 - hostBits);
        }
    }

    public long CidrBlockCount() => V4.CidrBlockCount() + V6.CidrBlockCount();
}
