namespace Blacklist.Collectors.Abstractions;

/// <summary>
/// Fetches one source's current data and parses it. A collector never writes to the store: the
/// collection runner applies the guard and commits what it returns in one transaction.
/// Failures are thrown as <see cref="CollectionException"/> with words an operator can act on.
/// </summary>
public interface ISourceCollector
{
    /// <summary>The source kind this collector serves: "http", "file", "regtech", "secudium".</summary>
    string Kind { get; }

    Task<CollectedData> CollectAsync(CollectionContext context, CancellationToken cancellationToken);
}
