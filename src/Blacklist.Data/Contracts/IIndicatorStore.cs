using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;

namespace Blacklist.Data.Contracts;

/// <summary>
/// Reads what a snapshot is built from, and writes manual entries (the source named "manual").
/// Every write commits in one transaction, bumps the change counter and calls
/// <see cref="IDataChangeNotifier.NotifyChanged"/> after the commit.
/// </summary>
public interface IIndicatorStore
{
    /// <summary>A number that grows with every committed change (replicas poll it to notice changes).</summary>
    Task<long> GetChangeCounterAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Moves the change counter from <paramref name="seen"/> to <c>seen + 1</c> only if nobody moved it
    /// since (compare-and-set). Replicas call it when an expiry passed: the served content changed
    /// without a write, so the first replica to notice gives it a new version and the others just load
    /// it. True when this call moved the counter. Tells no notifier: the caller rebuilds itself.
    /// </summary>
    Task<bool> TryAdvanceChangeCounterAsync(long seen, CancellationToken cancellationToken);

    /// <summary>Every indicator active at <paramref name="now"/> plus the active allowlist, read consistently.</summary>
    Task<ActiveData> LoadActiveAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task<IndicatorRecord> AddManualAsync(ManualEntryRequest request, string actor, CancellationToken cancellationToken);

    /// <summary>Marks a manual indicator removed (kept for history); false when no such active entry.</summary>
    Task<bool> RemoveManualAsync(long id, string actor, CancellationToken cancellationToken);

    Task<IReadOnlyList<IndicatorRecord>> ListManualAsync(CancellationToken cancellationToken);

    /// <summary>Counts per day (UTC) of indicators first seen and of indicators that expired or were removed.</summary>
    Task<IReadOnlyList<DailyChange>> GetDailyChangesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>A manual block: a range with a reason and an optional expiry (null = the manual source's TTL).</summary>
public sealed record ManualEntryRequest(IpRange Range, string Reason)
{
    public string? Category { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>The data a snapshot is built from, and the change counter it reflects.</summary>
public sealed record ActiveData(long ChangeCounter, IReadOnlyList<IndicatorRecord> Indicators, IReadOnlyList<AllowlistRecord> Allowlist);

public sealed record DailyChange(DateOnly Day, int Added, int Expired);
