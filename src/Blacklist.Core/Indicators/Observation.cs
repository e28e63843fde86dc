using Blacklist.Core.Addresses;

namespace Blacklist.Core.Indicators;

/// <summary>
/// One sighting of a range in a source's data, as a parser read it: the range plus whatever the
/// source said about it. Dates are the source's own, kept as given.
/// </summary>
public sealed record Observation(IpRange Range)
{
    public string? Reason { get; init; }

    public string? Category { get; init; }

    /// <summary>ISO 3166 alpha-2 code or the source's own country text.</summary>
    public string? Country { get; init; }

    /// <summary>0–100 when the source gives a confidence; null means "use the source's default".</summary>
    public int? Confidence { get; init; }

    /// <summary>A source-specific score (ipsum's blacklist count, a DROP list's weight…).</summary>
    public int? Score { get; init; }

    /// <summary>When the source detected it (its own date).</summary>
    public DateTimeOffset? DetectedAt { get; init; }

    /// <summary>An explicit release date (REGTECH 해제일): the indicator expires then.</summary>
    public DateTimeOffset? ReleasedAt { get; init; }

    /// <summary>Raw attributes the source gave, by the source's own names.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>1-based line (or row) in the input, 0 when not from a file.</summary>
    public int LineNumber { get; init; }
}
