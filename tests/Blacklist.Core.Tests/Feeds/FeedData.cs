using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Core.Snapshots;

namespace Blacklist.Core.Tests.Feeds;

/// <summary>Indicators and snapshots for feed tests.</summary>
internal static class FeedData
{
    public static readonly DateTimeOffset Now = new(2026, 8, 22, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The 1,000,000-indicator benchmark list as a snapshot, built once per test run.</summary>
    public static BlocklistSnapshot OneMillion => OneMillionSnapshot.Value;

    private static readonly Lazy<BlocklistSnapshot> OneMillionSnapshot = new(() => Snapshot(Generated(1_000_000, seed: 20260822)));

    public static IndicatorRecord Indicator(long id, string source, IpRange range, int confidence = 50, string? category = null, TimeSpan? age = null)
        => new(id, source, range)
        {
            Confidence = confidence,
            Category = category,
            FirstSeen = Now - (age ?? TimeSpan.Zero),
            LastSeen = Now - (age ?? TimeSpan.Zero),
            ExpiresAt = Now.AddDays(90),
        };

    public static IndicatorRecord Indicator(long id, string source, string range, int confidence = 50, string? category = null, TimeSpan? age = null)
        => Indicator(id, source, Parse(range), confidence, category, age);

    public static IpRange Parse(string text)
    {
        var parsed = IpRangeParser.Parse(text.AsSpan());
        parsed.Success.ShouldBeTrue(parsed.Error);
        return parsed.Range;
    }

    public static BlocklistSnapshot Snapshot(IReadOnlyCollection<IndicatorRecord> indicators, IReadOnlyCollection<AllowlistRecord>? allowlist = null, long version = 1)
        => SnapshotBuilder.Build(version, indicators, allowlist ?? [], Now, new SnapshotOptions(), version);

    /// <summary>
    /// <paramref name="count"/> indicators from a fixed seed, in public IPv4 space: mostly single
    /// addresses, some /24s and ranges, spread over three sources with varied confidence and age.
    /// </summary>
    public static List<IndicatorRecord> Generated(int count, int seed)
    {
        var random = new Random(seed);
        string[] sources = ["ipsum", "drop", "regtech"];
        var indicators = new List<IndicatorRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var first = (uint)random.NextInt64(0x0B00_0000, 0xDF00_0000); // 11.0.0.0 – 222.255.255.255
            var kind = random.Next(20);
            var range = kind switch
            {
                0 => IpRange.V4(first & 0xFFFF_FF00, first | 0xFF),
                1 => IpRange.V4(first, first + (uint)random.Next(2, 40)),
                _ => IpRange.V4(first),
            };
            indicators.Add(Indicator(i + 1, sources[random.Next(sources.Length)], range, random.Next(0, 101), age: TimeSpan.FromDays(random.Next(0, 120))));
        }

        return indicators;
    }
}
