using Blacklist.Collectors.Abstractions;
using Blacklist.Data.Contracts;

namespace Blacklist.Server.Collection;

/// <summary>
/// Runs each enabled source on its cron slots (UTC). A source whose slot passed while the service
/// was down (or that never ran) runs right after start. Scheduled runs need the global switch on
/// and this process to be the collecting replica.
/// </summary>
internal sealed partial class CollectionScheduler(
    SourceCatalog catalog,
    CollectionCoordinator coordinator,
    CollectionSwitch collectionSwitch,
    ICollectionLeadership leadership,
    ICollectionRunStore runs,
    Microsoft.Extensions.Options.IOptions<CollectionOptions> options,
    TimeProvider time,
    ILogger<CollectionScheduler> logger) : BackgroundService
{
    /// <summary>Re-check at least this often, so switch and per-source changes take effect without a restart.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    /// <summary>How soon registering the sources is tried again when the database did not take it.</summary>
    private static readonly TimeSpan StartRetry = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, DateTimeOffset> nextRuns = new(StringComparer.Ordinal);

    /// <summary>When each scheduled source runs next (for the status page).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> NextRuns
    {
        get
        {
            lock (nextRuns)
            {
                return new Dictionary<string, DateTimeOffset>(nextRuns, StringComparer.Ordinal);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await PrepareAsync(stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                await Task.Delay(SleepTime(), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                CollectionLog.SchedulerError(logger, e);
                await Task.Delay(MaxSleep, time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Registers the sources and plans their first runs; false when the scheduler is off or the
    /// service stops. A database that refuses (down, or busy with another replica's start) is asked
    /// again, so a failure here never stops the host that serves reads.
    /// </summary>
    private async Task<bool> PrepareAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await catalog.RegisterAsync(stoppingToken);
                if (!options.Value.Scheduler)
                {
                    return false;
                }

                await PlanFirstRunsAsync(stoppingToken);
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e)
            {
                LogStartFailed(logger, StartRetry.TotalSeconds, e);
                await Task.Delay(StartRetry, time, stoppingToken);
            }
        }
    }

    private async Task PlanFirstRunsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var summaries = await runs.GetSummariesAsync(cancellationToken);
        lock (nextRuns)
        {
            foreach (var source in catalog.All.Where(s => s.IsCollected && s.Schedule is not null))
            {
                var summary = summaries.GetValueOrDefault(source.Name);
                if (summary?.LastSuccessAt is { } success)
                {
                    CollectionMetrics.LastSuccess.WithLabels(source.Name).Set(success.ToUnixTimeMilliseconds() / 1000.0);
                }

                var lastStart = summary?.LastRun?.QueuedAt;
                var missed = lastStart is null || source.Schedule!.HadSlotBetween(lastStart.Value, now);
                nextRuns[source.Name] = missed ? now : source.Schedule!.NextAfter(now) ?? DateTimeOffset.MaxValue;
            }
        }
    }

    private async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<SourceDefinition> due;
        lock (nextRuns)
        {
            due = catalog.All.Where(s => nextRuns.TryGetValue(s.Name, out var next) && next <= now).ToList();
            foreach (var source in due)
            {
                nextRuns[source.Name] = source.Schedule!.NextAfter(now) ?? DateTimeOffset.MaxValue;
            }
        }

        if (due.Count == 0)
        {
            return;
        }

        var enabled = await catalog.GetEnabledAsync(cancellationToken);
        var switchedOn = await collectionSwitch.IsEnabledAsync(cancellationToken);
        var leader = await leadership.IsLeaderAsync(cancellationToken);
        foreach (var source in due.Where(s => enabled.GetValueOrDefault(s.Name)))
        {
            if (!switchedOn)
            {
                CollectionLog.SwitchedOff(logger, source.Name);
                continue;
            }

            if (!leader)
            {
                continue;
            }

            var result = await coordinator.TriggerAsync(source.Name, RunTrigger.Scheduled, new Dictionary<string, string>(), "scheduler", cancellationToken);
            if (result.Outcome == TriggerOutcome.AlreadyRunning)
            {
                CollectionLog.StillRunning(logger, source.Name, result.RunId);
            }
        }
    }

    private TimeSpan SleepTime()
    {
        var now = time.GetUtcNow();
        DateTimeOffset earliest;
        lock (nextRuns)
        {
            earliest = nextRuns.Count == 0 ? DateTimeOffset.MaxValue : nextRuns.Values.Min();
        }

        var wait = earliest == DateTimeOffset.MaxValue ? MaxSleep : earliest - now;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxSleep ? MaxSleep : wait;
    }

    [LoggerMessage(EventId = 4516, Level = LogLevel.Warning, Message = "The collection scheduler could not register the sources in the database; it tries again in {Seconds} s")]
    private static partial void LogStartFailed(ILogger logger, double seconds, Exception exception);
}
