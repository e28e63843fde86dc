using Blacklist.Core.Indicators;

namespace Blacklist.Data.Contracts;

/// <summary>A successful run's data, applied in one transaction by <see cref="ICollectionRunStore.ApplyAsync"/>.</summary>
/// <param name="RunId">The run being completed.</param>
/// <param name="Source">The source the observations belong to.</param>
/// <param name="Kind">The source's kind, recorded when the source is first seen.</param>
/// <param name="SeenAt">When the data was seen: first_seen/last_seen of what it contains.</param>
/// <param name="Lifetime">The source's lifetime rule (TTL).</param>
public sealed record RunApplication(long RunId, string Source, string Kind, DateTimeOffset SeenAt, LifetimePolicy Lifetime)
{
    public IReadOnlyList<Observation> Observations { get; init; } = [];

    /// <summary>The source publishes its whole list: what it no longer lists is withdrawn.</summary>
    public bool FullList { get; init; }

    /// <summary>The source answered "not modified": a full-list source's active entries count as seen again.</summary>
    public bool NotModified { get; init; }

    /// <summary>Used when an observation carries no confidence of its own.</summary>
    public int DefaultConfidence { get; init; } = 50;

    /// <summary>Used when an observation carries no category of its own.</summary>
    public string? DefaultCategory { get; init; }

    /// <summary>Fetched, bytes, parsed and rejected as read; the store fills in what changed.</summary>
    public RunCounts ReadCounts { get; init; } = RunCounts.Empty;

    public IReadOnlyList<RunIssue> Issues { get; init; } = [];

    public string? Note { get; init; }

    /// <summary>The refused run this one accepts; it is marked accepted in the same transaction.</summary>
    public long? AcceptsRunId { get; init; }

    /// <summary>Who accepted a refused run (audited).</summary>
    public string? Actor { get; init; }
}
