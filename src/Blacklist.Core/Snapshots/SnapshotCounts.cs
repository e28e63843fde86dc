using System.Numerics;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Snapshots;

/// <summary>What a snapshot holds, counted once when it is built.</summary>
public sealed record SnapshotCounts
{
    /// <summary>The label used when an indicator has no category or country.</summary>
    public const string Unknown = "unknown";

    /// <summary>Active indicators (one per source and range, before merging).</summary>
    public int Indicators { get; init; }

    public IReadOnlyDictionary<string, int> IndicatorsBySource { get; init; } = new Dictionary<string, int>();

    public IReadOnlyDictionary<string, int> IndicatorsByCategory { get; init; } = new Dictionary<string, int>();

    public IReadOnlyDictionary<string, int> IndicatorsByCountry { get; init; } = new Dictionary<string, int>();

    public IReadOnlyDictionary<IpFamily, int> IndicatorsByFamily { get; init; } = new Dictionary<IpFamily, int>();

    /// <summary>Served entries (lines of the minimal CIDR cover) per family.</summary>
    public IReadOnlyDictionary<IpFamily, long> EntriesByFamily { get; init; } = new Dictionary<IpFamily, long>();

    /// <summary>Distinct served addresses per family (up to 2^128, hence exact big integers).</summary>
    public IReadOnlyDictionary<IpFamily, BigInteger> AddressesByFamily { get; init; } = new Dictionary<IpFamily, BigInteger>();

    /// <summary>Active allowlist entries.</summary>
    public int AllowlistEntries { get; init; }

    /// <summary>Served entries over both families.</summary>
    public long Entries => EntriesByFamily.Values.Sum();
}
