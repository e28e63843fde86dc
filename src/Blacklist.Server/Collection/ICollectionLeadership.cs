namespace Blacklist.Server.Collection;

/// <summary>
/// Whether this process runs scheduled collection. With several replicas exactly one must (issue 5
/// puts a database lock behind this); manual triggers run wherever they arrive.
/// </summary>
public interface ICollectionLeadership
{
    ValueTask<bool> IsLeaderAsync(CancellationToken cancellationToken);
}

/// <summary>The embedded default: one process, always the leader.</summary>
internal sealed class SingleProcessLeadership : ICollectionLeadership
{
    public ValueTask<bool> IsLeaderAsync(CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
