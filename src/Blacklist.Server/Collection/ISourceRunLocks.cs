namespace Blacklist.Server.Collection;

/// <summary>
/// Makes the runs of one source exclusive among the processes that share the database. The
/// coordinator takes a source's lock before it records a run and keeps it until the run ends.
/// </summary>
internal interface ISourceRunLocks
{
    /// <summary>
    /// True when the locks span replicas (PostgreSQL): whoever takes a source's lock knows no other
    /// replica runs it, so runs of it still marked queued or running were abandoned by a replica that stopped.
    /// </summary>
    bool SpanReplicas { get; }

    /// <summary>
    /// The source's run lock, or null when another process still holds it after <paramref name="wait"/>
    /// (zero: do not wait).
    /// </summary>
    Task<SourceRunLock?> TryTakeAsync(string source, TimeSpan wait, CancellationToken cancellationToken);
}
