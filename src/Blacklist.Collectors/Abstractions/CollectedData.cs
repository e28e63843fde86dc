using Blacklist.Core.Indicators;
using Blacklist.Core.Parsing;

namespace Blacklist.Collectors.Abstractions;

/// <summary>What one collection run fetched and parsed.</summary>
public sealed record CollectedData(IReadOnlyList<Observation> Observations, IReadOnlyList<ParseIssue> Issues)
{
    /// <summary>The source answered "not modified" (HTTP 304): nothing to apply, but the run succeeded.</summary>
    public bool NotModified { get; init; }

    /// <summary>Raw lines or rows fetched (parsed + rejected + skipped).</summary>
    public long Fetched { get; init; }

    /// <summary>Bytes downloaded, for status and metrics.</summary>
    public long Bytes { get; init; }

    /// <summary>A note for the run record (e.g. "HTML fallback used: the Excel file was stale").</summary>
    public string? Note { get; init; }

    public static CollectedData Unchanged { get; } = new([], []) { NotModified = true };
}
