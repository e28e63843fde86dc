namespace Blacklist.Server.Collection;

/// <summary>
/// SQLite: one process serves the database, and <see cref="CollectionCoordinator"/>'s table of runs
/// in progress already keeps one run per source; every lock is free.
/// </summary>
internal sealed class InProcessSourceRunLocks : ISourceRunLocks
{
    public bool SpanReplicas => false;

    public Task<SourceRunLock?> TryTakeAsync(string source, TimeSpan wait, CancellationToken cancellationToken) => Task.FromResult<SourceRunLock?>(SourceRunLock.InProcess);
}
