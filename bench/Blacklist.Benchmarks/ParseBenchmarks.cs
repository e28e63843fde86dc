using System.Text;
using BenchmarkDotNet.Attributes;
using Blacklist.Core.Addresses;
using Blacklist.Core.Parsing;

namespace Blacklist.Benchmarks;

/// <summary>
/// Feed parsing on 1,000,000 generated lines (85% IPv4 addresses, 10% CIDRs, 5% a-b ranges, fixed
/// seed): the allocation-free range path that `blacklist net` uses, and the full observation parse.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private const int Lines = 1_000_000;
    private static readonly FeedParserSettings Plain = new("plain");
    private byte[] _feed = [];

    [GlobalSetup]
    public void Setup() => _feed = Generate(Lines, seed: 20260822);

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public int ReadRanges()
    {
        var builder = new IpSetBuilder();
        FeedParsers.ReadRanges(new MemoryStream(_feed, writable: false), Plain, builder, onIssue: null);
        return builder.Count;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ParseObservations()
    {
        var count = 0;
        foreach (var record in FeedParsers.Create(Plain).Parse(new MemoryStream(_feed, writable: false)))
        {
            count += record.Observation is null ? 0 : 1;
        }

        return count;
    }

    private static byte[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(count * 18);
        for (var i = 0; i < count; i++)
        {
            var address = (uint)random.NextInt64(0x01000000, 0xE0000000);
            var kind = random.Next(100);
            if (kind < 10)
            {
                text.Append(IpRange.FromCidr(IpFamily.V4, address, random.Next(16, 32)));
            }
            else if (kind < 15)
            {
                text.Append(IpRange.V4(address)).Append('-').Append(IpRange.V4((uint)Math.Min(uint.MaxValue, (ulong)address + (ulong)random.Next(1, 5000))));
            }
            else
            {
                text.Append(IpRange.V4(address));
            }

            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
