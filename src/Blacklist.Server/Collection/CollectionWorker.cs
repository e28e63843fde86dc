using Blacklist.Data.Hosting;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Collection;

/// <summary>
/// Executes queued runs in the background, a few sources at a time (each source one at a time).
/// At start it marks runs a stopped process left unfinished as abandoned (see
/// <see cref="CollectionCoordinator.AbandonOrphansAsync"/>).
/// </summary>
internal sealed partial class CollectionWorker(
    CollectionQueue queue,
    CollectionRunner runner,
    CollectionCoordinator coordinator,
    IOptions<CollectionOptions> options,
    ILogger<CollectionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var abandoned = await coordinator.AbandonOrphansAsync(stoppingToken);
            if (abandoned > 0)
            {
                CollectionLog.Interrupted(logger, abandoned);
            }
        }
        catch (Exception e) when (DatabaseFailures.IsDatabaseFailure(e) && !stoppingToken.IsCancellationRequested)
        {
            // The database is down: the next run of each source abandons what it finds unfinished.
            LogAbandonFailed(logger, e.GetType().Name);
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
            await coordinator.FinishedAsync(item.Source, item.RunId);
            slots.Release();
        }
    }

    [LoggerMessage(EventId = 4515, Level = LogLevel.Warning, Message = "Runs left unfinished by a stopped process could not be checked at start ({Error}); each source's next run abandons them")]
    private static partial void LogAbandonFailed(ILogger logger, string error);
}
