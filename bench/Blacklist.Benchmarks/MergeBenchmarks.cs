using BenchmarkDotNet.Attributes;
using Blacklist.Core.Addresses;

namespace Blacklist.Benchmarks;

/// <summary>
/// Building a set from 1,000,000 unsorted IPv4 ranges (sort + sweep), and the set operations and
/// CIDR cover on the result. Ranges are like bench/gen-lines.py's: mostly single addresses.
/// </summary>
[MemoryDiagnoser]
public class MergeBenchmarks
{
    private const int Ranges = 1_000_000;

    private uint[] _firsts = [];
    private uint[] _lasts = [];
    private IpSet _a = IpSet.Empty;
    private IpSet _b = IpSet.Empty;
    private IpSet _union = IpSet.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260822);
        _firsts = new uint[Ranges];
        _lasts = new uint[Ranges];
        for (var i = 0; i < Ranges; i++)
        {
            var first = (uint)random.NextInt64(0x01000000, 0xE0000000);
            var kind = random.Next(100);
            var size = kind < 10 ? (1u << random.Next(0, 16)) - 1 : kind < 15 ? (uint)random.Next(1, 4097) : 0;
            (_firsts[i], _lasts[i]) = (first, first + size);
        }

        _a = Build(0, Ranges / 2);
        _b = Build(Ranges / 2, Ranges);
        _union = _a.Union(_b);
    }

    /// <summary>What `blacklist net merge` does after parsing: add 1M ranges, sort, sweep.</summary>
    [Benchmark]
    public int BuildOneMillion() => Build(0, Ranges).RangeCount;

    /// <summary>The two-array comparison sort the builder used before the packed radix sort, for comparison.</summary>
    [Benchmark]
    public int TwoArraySortAndSweep()
    {
        var firsts = (uint[])_firsts.Clone();
        var lasts = (uint[])_lasts.Clone();
        Array.Sort(firsts, lasts);
        var n = 0;
        for (var i = 1; i < firsts.Length; i++)
        {
            if (firsts[i] > lasts[n] + 1 || lasts[n] == uint.MaxValue)
            {
                n++;
                (firsts[n], lasts[n]) = (firsts[i], lasts[i]);
            }
            else if (lasts[i] > lasts[n])
            {
                lasts[n] = lasts[i];
            }
        }

        return n + 1;
    }

    [Benchmark]
    public int Union() => _a.Union(_b).RangeCount;

    [Benchmark]
    public int Except() => _a.Except(_b).RangeCount;

    [Benchmark]
    public int Intersect() => _a.Intersect(_b).RangeCount;

    [Benchmark]
    public long CidrCover() => _union.CidrBlockCount();

    private IpSet Build(int from, int to)
    {
        var builder = new IpSetBuilder();
        for (var i = from; i < to; i++)
        {
            builder.AddV4(_firsts[i], _lasts[i]);
        }

        return builder.Build();
    }
}
