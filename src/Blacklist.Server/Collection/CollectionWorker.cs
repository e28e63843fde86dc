using Microsoft.Extensions.Options;

namespace Blacklist.Server.Collection;

/// <summary>
/// Executes queued runs in the background, a few sources at a time (each source one at a time).
/// At start it marks runs a previous process left unfinished as failed.
/// </summary>
internal sealed class CollectionWorker(
    CollectionQueue queue,
    CollectionRunner runner,
    CollectionCoordinator coordinator,
    Data.Contracts.ICollectionRunStore runs,
    IOptions<CollectionOptions> options,
    TimeProvider time,
    ILogger<CollectionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interrupted = await runs.FailInterruptedAsync(time.GetUtcNow(), stoppingToken);
        if (interrupted > 0)
        {
            CollectionLog.Interrupted(logger, interrupted);
        }

        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentRuns);
        var running = new List<Task>();
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(RunAsync(item, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: let the runs in flight record how they ended.
        }

        await Task.WhenAll(running);
    }

    private async Task RunAsync(CollectionWorkItem item, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await runner.ExecuteAsync(item, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || stoppingToken.IsCancellationRequested)
        {
            // The runner records failures itself; this only catches a store outage while recording.
            CollectionLog.Crashed(logger, e, item.RunId, item.Source);
        }
        finally
        {
            coordinator.Finished(item.Source, item.RunId);
            slots.Release();
        }
    }
}
