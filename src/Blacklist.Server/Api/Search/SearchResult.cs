using System.Text.Json.Serialization;
using Blacklist.Server.Api.Views;

namespace Blacklist.Server.Api.Search;

/// <summary>Why one address is or is not served; for an input that is not an address, only the error.</summary>
internal sealed record SearchResult(string Input, bool Valid)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>The snapshot that answered (on single lookups; a batch says it once for all).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SnapshotVersion { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Ip { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Family { get; init; }

    /// <summary>True when the served list holds the address.</summary>
    public bool Blocked { get; init; }

    /// <summary>One sentence a person can read: the decision and what made it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Explanation { get; init; }

    /// <summary>The sources that list the address (before the allowlist and reserved ranges are applied).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Sources { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IndicatorView>? Indicators { get; init; }

    public bool Allowlisted { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AllowlistView>? Allowlist { get; init; }

    /// <summary>The reserved block holding the address, if any, and whether it keeps the address off the list.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReservedView? Reserved { get; init; }
}

internal sealed record ReservedView(string Range, string Name, bool Excluded);
