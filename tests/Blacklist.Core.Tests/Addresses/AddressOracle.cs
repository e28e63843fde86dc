using Blacklist.Core.Addresses;

namespace Blacklist.Core.Tests.Addresses;

/// <summary>The brute-force model of an address set: one hash entry per address.</summary>
public sealed class AddressOracle
{
    private readonly HashSet<(IpFamily Family, UInt128 Value)> _addresses;

    public AddressOracle(IEnumerable<IpRange> ranges)
    {
        _addresses = [];
        foreach (var range in ranges)
        {
            foreach (var value in Addresses(range))
            {
                _addresses.Add((range.Family, value));
            }
        }
    }

    private AddressOracle(HashSet<(IpFamily, UInt128)> addresses) => _addresses = addresses;

    public bool Contains(IpFamily family, UInt128 value) => _addresses.Contains((family, value));

    public bool ContainsAll(IpRange range) => Addresses(range).All(v => Contains(range.Family, v));

    public bool Overlaps(IpRange range) => Addresses(range).Any(v => Contains(range.Family, v));

    public int Count(IpFamily family) => _addresses.Count(a => a.Family == family);

    public AddressOracle Union(AddressOracle other) => new([.. _addresses.Union(other._addresses)]);

    public AddressOracle Except(AddressOracle other) => new([.. _addresses.Except(other._addresses)]);

    public AddressOracle Intersect(AddressOracle other) => new([.. _addresses.Intersect(other._addresses)]);

    /// <summary>
    /// The minimal CIDR cover computed independently of the code under test: every aligned block
    /// inside the set whose parent block is not inside it. Blocks larger than a window cannot fit.
    /// </summary>
    public HashSet<IpRange> MaximalBlocks(IEnumerable<AddressWindow> windows)
    {
        var blocks = new HashSet<IpRange>();
        foreach (var window in windows)
        {
            for (var hostBits = 0; (1u << hostBits) <= AddressWindow.Size; hostBits++)
            {
                var size = UInt128.One << hostBits;
                for (var start = window.Base & ~(size - 1); start <= window.Last; start += size)
                {
                    var block = new IpRange(window.Family, start, start + (size - 1));
                    var parentStart = start & ~((size << 1) - 1);
                    var parent = new IpRange(window.Family, parentStart, parentStart + ((size << 1) - 1));
                    if (ContainsAll(block) && !ContainsAll(parent))
                    {
                        blocks.Add(block);
                    }

                    if (start > window.Family.MaxValue() - size)
                    {
                        break; // the next block would pass the end of the address space
                    }
                }
            }
        }

        return blocks;
    }

    private static IEnumerable<UInt128> Addresses(IpRange range)
    {
        for (var v = range.First; ; v++)
        {
            yield return v;
            if (v == range.Last)
            {
                break;
            }
        }
    }
}
