using Blacklist.Collectors.Abstractions;
using Blacklist.Data.Contracts;

namespace Blacklist.Server.Collection;

/// <summary>
/// Starts runs: checks the source, refuses a second run of a source while one is queued or
/// running (here, or on another replica: the source's run lock is held from recording a run until it
/// ends), records the run as queued and hands it to the queue. Also accepts refused runs, and marks
/// runs that a stopped process left unfinished as abandoned.
/// </summary>
internal sealed partial class CollectionCoordinator : IDisposable, IAsyncDisposable
{
    private static readonly string[] SecretParameterWords = ["otp", "password", "passwd", "secret", "token", "code"];

    /// <summary>How long a trigger waits for a source held by a replica that has no run of it unfinished.</summary>
    private static readonly TimeSpan FinishingHolderWait = TimeSpan.FromSeconds(2);

    private readonly SourceCatalog catalog;
    private readonly ICollectionRunStore runs;
    private readonly CollectionQueue queue;
    private readonly TimeProvider time;
    private readonly ISourceRunLocks locks;
    private readonly ILogger<CollectionCoordinator> logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, long> inProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<long, SourceRunLock> held = [];

    public CollectionCoordinator(SourceCatalog catalog, ICollectionRunStore runs, CollectionQueue queue, TimeProvider time, ISourceRunLocks locks, ILogger<CollectionCoordinator> logger)
    {
        this.catalog = catalog;
        this.runs = runs;
        this.queue = queue;
        this.time = time;
        this.locks = locks;
        this.logger = logger;
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

    /// <summary>Called when a run ends, so the source can run again (here and on other replicas).</summary>
    internal async Task FinishedAsync(string source, long runId)
    {
        await gate.WaitAsync();
        try
        {
            await ReleaseAsync(source, runId);
        }
        finally
        {
            gate.Release();
        }
    }

    // Under the gate: the source may run again, here and (its lock released) on other replicas.
    private async Task ReleaseAsync(string source, long runId)
    {
        if (inProgress.TryGetValue(source, out var current) && current == runId)
        {
            inProgress.Remove(source);
        }

        if (held.Remove(runId, out var runLock))
        {
            await runLock.DisposeAsync();
        }
    }

    /// <summary>
    /// Marks runs nobody runs any more as failed ("abandoned"). With a single process every run
    /// still unfinished at start was left by a process that stopped. Across replicas, a source's
    /// unfinished runs are abandoned only when its run lock is free: nobody runs it.
    /// </summary>
    public async Task<int> AbandonOrphansAsync(CancellationToken cancellationToken)
    {
        if (!locks.SpanReplicas)
        {
            return await runs.AbandonUnfinishedAsync(time.GetUtcNow(), null, cancellationToken);
        }

        var abandoned = 0;
        foreach (var summary in (await runs.GetSummariesAsync(cancellationToken)).Values.Where(s => s.LastRun is { IsFinished: false }))
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (inProgress.ContainsKey(summary.Source))
                {
                    continue;
                }

                await using var runLock = await locks.TryTakeAsync(summary.Source, TimeSpan.Zero, cancellationToken);
                if (runLock is not null)
                {
                    abandoned += await runs.AbandonUnfinishedAsync(time.GetUtcNow(), summary.Source, cancellationToken);
                }
            }
            finally
            {
                gate.Release();
            }
        }

        return abandoned;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        // Closing the sessions frees the sources for other replicas at once.
        foreach (var runLock in held.Values)
        {
            await runLock.DisposeAsync();
        }

        held.Clear();
        gate.Dispose();
    }

    public IReadOnlyList<string> CollectedSourceNames() => catalog.All.Where(s => s.IsCollected).Select(s => s.Name).ToList();

    private async Task<TriggerResult> QueueAsync(CollectionWorkItem item, string kind, CancellationToken cancellationToken, string? trigger = null, bool enqueue = true)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (inProgress.TryGetValue(item.Source, out var running))
            {
                // A run records its end before the worker reports it here: a client that saw it
                // finish and triggers at once must not be told it still runs.
                if ((await runs.GetAsync(running, cancellationToken))?.IsFinished != true)
                {
                    return TriggerResult.AlreadyRunning(running);
                }

                await ReleaseAsync(item.Source, running);
            }

            var runLock = await locks.TryTakeAsync(item.Source, TimeSpan.Zero, cancellationToken);
            if (runLock is null)
            {
                // Another replica holds the source. With a run of it unfinished, that run is the answer.
                // With none, the holder has just recorded a run's end and is releasing the lock, or has
                // just taken it and is recording a new run; both take milliseconds, so wait for the lock
                // rather than answer 409 with a run that already ended (a client that saw the run finish
                // on one replica and triggers on another at once).
                if (await UnfinishedRunAsync(item.Source, cancellationToken) is { } elsewhere)
                {
                    return TriggerResult.AlreadyRunning(elsewhere);
                }

                runLock = await locks.TryTakeAsync(item.Source, FinishingHolderWait, cancellationToken);
                if (runLock is null)
                {
                    return TriggerResult.AlreadyRunning(await RunElsewhereAsync(item.Source, cancellationToken));
                }
            }

            var runId = 0L;
            try
            {
                if (locks.SpanReplicas)
                {
                    // Taking the lock means nobody runs this source: what is still marked unfinished was left by a replica that stopped.
                    await AbandonOfAsync(item.Source, cancellationToken);
                }

                var stored = item.Parameters
                    .Where(p => !SecretParameterWords.Any(word => p.Key.Contains(word, StringComparison.OrdinalIgnoreCase)))
                    .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                runId = await runs.CreateAsync(
                    new NewRun(item.Source, kind, trigger ?? item.Trigger.ToString().ToLowerInvariant(), time.GetUtcNow()) { Actor = item.Actor, Parameters = stored },
                    cancellationToken);
                inProgress[item.Source] = runId;
                held[runId] = runLock;
                var queued = item with { RunId = runId };
                if (enqueue)
                {
                    queue.Enqueue(queued);
                }

                return TriggerResult.Queued(queued);
            }
            catch
            {
                inProgress.Remove(item.Source);
                held.Remove(runId);
                await runLock.DisposeAsync();
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The source's queued or running run, if any.</summary>
    private async Task<long?> UnfinishedRunAsync(string source, CancellationToken cancellationToken)
        => (await runs.ListAsync(source, 5, cancellationToken)).FirstOrDefault(r => !r.IsFinished)?.Id;

    /// <summary>
    /// The run another replica still holds the source's lock for after the wait: its queued or running
    /// run, else (it is still recording or finishing one) its newest run, whose page tells how it went.
    /// </summary>
    private async Task<long> RunElsewhereAsync(string source, CancellationToken cancellationToken)
    {
        var recent = await runs.ListAsync(source, 5, cancellationToken);
        return (recent.FirstOrDefault(r => !r.IsFinished) ?? (recent.Count > 0 ? recent[0] : null))?.Id ?? 0;
    }

    private async Task AbandonOfAsync(string source, CancellationToken cancellationToken)
    {
        var abandoned = await runs.AbandonUnfinishedAsync(time.GetUtcNow(), source, cancellationToken);
        if (abandoned > 0)
        {
            LogAbandoned(logger, abandoned, source);
        }
    }

    [LoggerMessage(EventId = 4514, Level = LogLevel.Warning, Message = "{Count} run(s) of {Source} were left queued or running by a replica that stopped; marked failed (abandoned)")]
    private static partial void LogAbandoned(ILogger logger, int count, string source);
}
