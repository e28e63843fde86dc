using Blacklist.Data.Contracts;

namespace Blacklist.Server.Collection;

/// <summary>What asking for a run produced.</summary>
internal sealed record TriggerResult(TriggerOutcome Outcome)
{
    /// <summary>The queued run (Queued) or the run in progress (AlreadyRunning).</summary>
    public long RunId { get; init; }

    public CollectionWorkItem? Item { get; init; }

    public IReadOnlyList<string> KnownSources { get; init; } = [];

    public RunStatus? Status { get; init; }

    public static TriggerResult Queued(CollectionWorkItem item) => new(TriggerOutcome.Queued) { RunId = item.RunId, Item = item };

    public static TriggerResult AlreadyRunning(long runId) => new(TriggerOutcome.AlreadyRunning) { RunId = runId };

    public static TriggerResult UnknownSource(IReadOnlyList<string> known) => new(TriggerOutcome.UnknownSource) { KnownSources = known };

    public static TriggerResult RunNotFound() => new(TriggerOutcome.RunNotFound);

    public static TriggerResult NotRefused(RunStatus status) => new(TriggerOutcome.NotRefused) { Status = status };
}

internal enum TriggerOutcome
{
    Queued,
    AlreadyRunning,
    UnknownSource,
    RunNotFound,
    NotRefused,
}
