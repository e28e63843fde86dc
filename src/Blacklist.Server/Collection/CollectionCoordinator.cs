using Blacklist.Collectors.Abstractions;
using Blacklist.Data.Contracts;

namespace Blacklist.Server.Collection;

/// <summary>
/// Starts runs: checks the source, refuses a second run of a source while one is queued or
/// running, records the run as queued and hands it to the queue. Also accepts refused runs.
/// </summary>
internal sealed class CollectionCoordinator : IDisposable
{
    private static readonly string[] SecretParameterWords = ["otp", "password", "passwd", "secret", "token", "code"];

    private readonly SourceCatalog catalog;
    private readonly ICollectionRunStore runs;
    private readonly CollectionQueue queue;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, long> inProgress = new(StringComparer.Ordinal);

    public CollectionCoordinator(SourceCatalog catalog, ICollectionRunStore runs, CollectionQueue queue, TimeProvider time)
    {
        this.catalog = catalog;
        this.runs = runs;
        this.queue = queue;
        this.time = time;
    }

    /// <summary>Queues a run of <paramref name="source"/>; see <see cref="TriggerResult"/> for the outcomes.</summary>
    public Task<TriggerResult> TriggerAsync(string source, RunTrigger trigger, IReadOnlyDictionary<string, string> parameters, string? actor, CancellationToken cancellationToken)
    {
        var definition = catalog.Find(source);
        if (definition is null || !definition.IsCollected)
        {
            return Task.FromResult(TriggerResult.UnknownSource(CollectedSourceNames()));
        }

        return QueueAsync(new CollectionWorkItem(0, source, trigger, parameters) { Actor = actor }, definition.Kind, cancellationToken);
    }

    /// <summary>Queues a run that applies the kept observations of refused run <paramref name="refusedRunId"/>.</summary>
    public async Task<TriggerResult> AcceptAsync(long refusedRunId, string actor, CancellationToken cancellationToken)
    {
        var refused = await runs.GetAsync(refusedRunId, cancellationToken);
        if (refused is null)
        {
            return TriggerResult.RunNotFound();
        }

        if (refused.Status != RunStatus.Refused)
        {
            return TriggerResult.NotRefused(refused.Status);
        }

        var definition = catalog.Find(refused.Source);
        var parameters = new Dictionary<string, string> { ["accepts_run"] = refusedRunId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return await QueueAsync(
            new CollectionWorkItem(0, refused.Source, RunTrigger.Manual, parameters) { Actor = actor, AcceptsRunId = refusedRunId },
            definition?.Kind ?? "file",
            cancellationToken,
            trigger: "accept");
    }

    /// <summary>Records a run without queueing it, for verbs that execute it in their own process.</summary>
    internal async Task<TriggerResult> RecordAsync(CollectionWorkItem item, string kind, CancellationToken cancellationToken)
        => await QueueAsync(item, kind, cancellationToken, enqueue: false);

    /// <summary>Called when a run ends, so the source can run again.</summary>
    internal void Finished(string source, long runId)
    {
        gate.Wait();
        try
        {
            if (inProgress.TryGetValue(source, out var current) && current == runId)
            {
                inProgress.Remove(source);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    public IReadOnlyList<string> CollectedSourceNames() => catalog.All.Where(s => s.IsCollected).Select(s => s.Name).ToList();

    private async Task<TriggerResult> QueueAsync(CollectionWorkItem item, string kind, CancellationToken cancellationToken, string? trigger = null, bool enqueue = true)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (inProgress.TryGetValue(item.Source, out var running))
            {
                return TriggerResult.AlreadyRunning(running);
            }

            var stored = item.Parameters
                .Where(p => !SecretParameterWords.Any(word => p.Key.Contains(word, StringComparison.OrdinalIgnoreCase)))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var runId = await runs.CreateAsync(
                new NewRun(item.Source, kind, trigger ?? item.Trigger.ToString().ToLowerInvariant(), time.GetUtcNow()) { Actor = item.Actor, Parameters = stored },
                cancellationToken);
            inProgress[item.Source] = runId;
            var queued = item with { RunId = runId };
            if (enqueue)
            {
                queue.Enqueue(queued);
            }

            return TriggerResult.Queued(queued);
        }
        finally
        {
            gate.Release();
        }
    }
}
