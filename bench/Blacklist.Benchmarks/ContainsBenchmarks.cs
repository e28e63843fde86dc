using BenchmarkDotNet.Attributes;
using Blacklist.Core.Addresses;

namespace Blacklist.Benchmarks;

/// <summary>
/// Membership lookups on a 100,000-range IPv4 set (and a 100,000-range IPv6 set), against a plain
/// binary search over the same starts as the baseline. One operation is one lookup.
/// </summary>
public class ContainsBenchmarks
{
    private const int Ranges = 100_000;
    private const int Probes = 1 << 20;

    private RangeSet<uint> _v4 = RangeSet<uint>.Empty;
    private uint[] _v4Firsts = [];
    private uint[] _v4Lasts = [];
    private uint[] _v4Probes = [];
    private IpSet _set = IpSet.Empty;
    private RangeSet<UInt128> _v6 = RangeSet<UInt128>.Empty;
    private UInt128[] _v6Probes = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260822);
        var builder = new IpSetBuilder();
        for (var i = 0; i < Ranges; i++)
        {
            var first = (uint)random.NextInt64(0, 1L << 32);
            builder.AddV4(first, first + (uint)Math.Min(random.Next(0, 256), uint.MaxValue - first));
            var v6 = ((UInt128)0x2001_0db8u << 96) | ((UInt128)(ulong)random.NextInt64() << 32);
            builder.AddV6(v6, v6 + (UInt128)random.Next(0, 1 << 20));
        }

        _set = builder.Build();
        _v4 = _set.V4;
        _v6 = _set.V6;
        _v4Firsts = _v4.Firsts.ToArray();
        _v4Lasts = _v4.Lasts.ToArray();
        _v4Probes = new uint[Probes];
        _v6Probes = new UInt128[Probes];
        for (var i = 0; i < Probes; i++)
        {
            // Half the probes hit a range, half are random (mostly misses).
            var hit = _v4Firsts[random.Next(_v4Firsts.Length)];
            _v4Probes[i] = i % 2 == 0 ? hit : (uint)random.NextInt64(0, 1L << 32);
            var hit6 = _v6.Firsts[random.Next(_v6.Count)];
            _v6Probes[i] = i % 2 == 0 ? hit6 : ((UInt128)0x2001_0db8u << 96) | ((UInt128)(ulong)random.NextInt64() << 32);
        }

        _ = _v4.Contains(0); // build the lookup index outside the measurement
        _ = _v6.Contains(0);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Probes)]
    public int PlainBinarySearch()
    {
        var hits = 0;
        foreach (var probe in _v4Probes)
        {
            var i = Array.BinarySearch(_v4Firsts, probe);
            i = i >= 0 ? i : ~i - 1;
            hits += i >= 0 && probe <= _v4Lasts[i] ? 1 : 0;
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = Probes)]
    public int RangeSetV4()
    {
        var hits = 0;
        foreach (var probe in _v4Probes)
        {
            hits += _v4.Contains(probe) ? 1 : 0;
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = Probes)]
    public int IpSetV4()
    {
        var hits = 0;
        foreach (var probe in _v4Probes)
        {
            hits += _set.Contains(IpFamily.V4, probe) ? 1 : 0;
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = Probes)]
    public int RangeSetV6()
    {
        var hits = 0;
        foreach (var probe in _v6Probes)
        {
            hits += _v6.Contains(probe) ? 1 : 0;
        }

        return hits;
    }
}
