namespace Blacklist.Collectors.Scheduling;

/// <summary>
/// Implemented by collectors that remember something about their last fetch (HTTP validators, a
/// file's stamp): when a run's data is not applied (refused, failed after fetching), they must
/// forget it, or the next fetch would answer "not modified" and the data would never be applied.
/// </summary>
public interface IRunOutcomeObserver
{
    Task RunNotAppliedAsync(string source, CancellationToken cancellationToken);
}
