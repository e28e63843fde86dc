using System.Buffers;
using BenchmarkDotNet.Attributes;
using Blacklist.Core.Addresses;
using Blacklist.Core.Rendering;

namespace Blacklist.Benchmarks;

/// <summary>
/// Rendering a list of 1,000,000 random IPv4 ranges (fixed seed: 85% single addresses, 10% CIDR
/// blocks /22–/31, 5% ranges of 2–300 addresses). Throughput = output bytes (printed by the setup
/// as "render-output-bytes") / mean time; the target is at least 200 MB/s.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private const int Ranges = 1_000_000;

    private readonly ArrayBufferWriter<byte> _output = new(256 * 1024 * 1024);
    private RenderInput _input = null!;
    private IListRenderer _renderer = null!;

    [Params(ListFormat.Plain, ListFormat.Range, ListFormat.Ipset, ListFormat.Nft, ListFormat.Json)]
    public ListFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = new RenderInput(RandomRanges(Ranges, seed: 20260822))
        {
            Name = "active",
            Version = 1,
            GeneratedAt = new DateTimeOffset(2026, 8, 22, 0, 0, 0, TimeSpan.Zero),
        };
        _renderer = ListRenderers.For(Format);
        var bytes = Render();
        Console.WriteLine($"// render-output-bytes {Format}: {bytes} bytes, {_input.Set.RangeCount} ranges, {ListRenderers.CountEntries(Format, _input.Set)} entries");
    }

    [Benchmark]
    public int Render()
    {
        _output.ResetWrittenCount();
        _renderer.Render(_input, _output);
        return _output.WrittenCount;
    }

    internal static IpSet RandomRanges(int count, int seed)
    {
        var random = new Random(seed);
        var builder = new IpSetBuilder();
        for (var i = 0; i < count; i++)
        {
            var address = (uint)random.NextInt64(0, 1L << 32);
            var kind = random.Next(100);
            if (kind < 85)
            {
                builder.AddV4(address, address);
            }
            else if (kind < 95)
            {
                var range = IpRange.FromCidr(IpFamily.V4, address, random.Next(22, 32));
                builder.Add(range);
            }
            else
            {
                var last = (uint)Math.Min(uint.MaxValue, (ulong)address + (ulong)random.Next(1, 300));
                builder.AddV4(address, last);
            }
        }

        return builder.Build();
    }
}
