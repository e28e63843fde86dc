using System.Numerics;
using System.Text.Json.Serialization;

namespace Blacklist.Server.Api.Stats;

/// <summary>What is served and where it comes from, plus the daily added/expired series.</summary>
internal sealed record StatsResponse(
    long SnapshotVersion,
    DateTimeOffset BuiltAt,
    int Indicators,
    long Entries,
    int AllowlistEntries,
    IReadOnlyDictionary<string, long> EntriesByFamily,
    IReadOnlyDictionary<string, BigInteger> UniqueAddresses,
    IReadOnlyDictionary<string, int> BySource,
    IReadOnlyDictionary<string, int> ByCategory,
    IReadOnlyDictionary<string, int> ByCountry,
    IReadOnlyDictionary<string, int> ByFamily,
    int Days,
    IReadOnlyList<DailyPoint>? Daily)
{
    /// <summary>Why the daily series is missing (it is the one part read from the database).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DailyUnavailable { get; init; }
}

/// <summary>One UTC day: indicators first seen, and indicators that expired or were removed.</summary>
internal sealed record DailyPoint(DateOnly Day, int Added, int Expired);
