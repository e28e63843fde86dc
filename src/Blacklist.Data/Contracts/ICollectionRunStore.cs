namespace Blacklist.Data.Contracts;

/// <summary>
/// Collection runs: their records, and the one transaction that applies a run's observations.
/// A failed or refused run only updates its own record; stored indicators stay as they were.
/// </summary>
public interface ICollectionRunStore
{
    /// <summary>Records a queued run and returns its id.</summary>
    Task<long> CreateAsync(NewRun run, CancellationToken cancellationToken);

    Task MarkRunningAsync(long runId, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: upserts the observations, withdraws what a full-list source no longer
    /// lists (or, when not modified, re-confirms its active entries), marks the run succeeded with
    /// its counts, marks an accepted refused run accepted, bumps the change counter; then notifies.
    /// </summary>
    Task<RunCounts> ApplyAsync(RunApplication application, CancellationToken cancellationToken);

    /// <summary>Finishes a run that changed nothing: failed or refused (with the refused observations kept for accepting).</summary>
    Task FinishUnappliedAsync(RunFailure failure, CancellationToken cancellationToken);

    Task<CollectionRun?> GetAsync(long runId, CancellationToken cancellationToken);

    /// <summary>The newest runs first, of one source or of all.</summary>
    Task<IReadOnlyList<CollectionRun>> ListAsync(string? source, int limit, CancellationToken cancellationToken);

    /// <summary>Per source that has runs: the last run and the last success (reads the runs table only).</summary>
    Task<IReadOnlyDictionary<string, SourceSummary>> GetSummariesAsync(CancellationToken cancellationToken);

    /// <summary>Entries applied by the source's last successful run that fetched data (not a "not modified"), or null.</summary>
    Task<long?> GetPreviousCountAsync(string source, CancellationToken cancellationToken);

    /// <summary>The kept observations of a refused run (gzip JSON lines), or null when none are kept.</summary>
    Task<byte[]?> GetRefusedPayloadAsync(long runId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks runs still queued or running as failed ("abandoned") because the process that ran them
    /// stopped: those of <paramref name="source"/>, or of every source when null. Returns how many.
    /// The caller knows nobody runs them any more (a single process at start, or a replica holding the source's run lock).
    /// </summary>
    Task<int> AbandonUnfinishedAsync(DateTimeOffset now, string? source, CancellationToken cancellationToken);
}
