using BenchmarkDotNet.Attributes;
using Blacklist.Core.Addresses;
using Blacklist.Core.Feeds;

namespace Blacklist.Benchmarks;

/// <summary>
/// The delta between two versions of a 1,000,000-entry IPv4 list that differ by 10,000 changes
/// (5,000 entries removed, 5,000 added): what each snapshot swap records per feed. Target: under 50 ms.
/// </summary>
[MemoryDiagnoser]
public class DeltaBenchmarks
{
    private const int Entries = 1_000_000;
    private const int Changes = 10_000;

    private IpSet _old = IpSet.Empty;
    private IpSet _new = IpSet.Empty;
    private SetDelta _delta = SetDelta.None(0);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260822);
        var addresses = new HashSet<uint>();
        while (addresses.Count < Entries + (Changes / 2))
        {
            // Even addresses only, so no two entries merge and the list keeps 1M ranges.
            addresses.Add((uint)random.NextInt64(0x01000000, 0xE0000000) & ~1u);
        }

        var all = addresses.ToArray();
        var old = new IpSetBuilder();
        var updated = new IpSetBuilder();
        for (var i = 0; i < all.Length; i++)
        {
            if (i < Entries)
            {
                old.AddV4(all[i], all[i]);
            }

            // The new list drops the first 5,000 and adds the 5,000 beyond the old list.
            if (i >= Changes / 2)
            {
                updated.AddV4(all[i], all[i]);
            }
        }

        _old = old.Build();
        _new = updated.Build();
        _delta = SetDelta.Between(1, _old, 2, _new);
        if (_delta.Added.RangeCount != Changes / 2 || _delta.Removed.RangeCount != Changes / 2)
        {
            throw new InvalidOperationException($"Setup made {_delta.Added.RangeCount} added and {_delta.Removed.RangeCount} removed, not {Changes / 2} each.");
        }
    }

    /// <summary>new − old and old − new over two 1M-range lists.</summary>
    [Benchmark]
    public int DeltaOfTenThousandChanges()
    {
        var delta = SetDelta.Between(1, _old, 2, _new);
        return delta.Added.RangeCount + delta.Removed.RangeCount;
    }

    /// <summary>Applying that delta to the old list (what a client does with changes?since=).</summary>
    [Benchmark]
    public int ApplyDelta() => _delta.ApplyTo(_old).RangeCount;
}
