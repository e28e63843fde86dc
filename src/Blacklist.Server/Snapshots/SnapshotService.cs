using System.Diagnostics;
using Blacklist.Core.Snapshots;
using Blacklist.Data.Contracts;
using Blacklist.Server.Caching;
using Blacklist.Server.Observability;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Snapshots;

/// <summary>
/// Keeps the served snapshot in step with the database. It loads the first snapshot while the host
/// starts (before the server takes requests, so /ready turns 200 with data), then rebuilds:
/// after a change here or another replica's signal through Redis (debounced, so a burst of writes
/// builds once), when the store's change counter moves (polled: a verb wrote, or a replica whose
/// signal was lost while Redis was down), when the earliest indicator or allowlist expiry
/// passes, and at least every <see cref="SnapshotServiceOptions.MaxAge"/>. A failed rebuild keeps
/// the previous snapshot and is retried at the next poll.
/// The version is the database's change counter, so every replica on one database numbers the same
/// content alike (clients follow <c>/api/blacklist/changes?since=V</c> through any of them). An
/// expiry changes the content without a write: the first replica to notice advances the counter with
/// a compare-and-set and the others load the version it made. A rebuild for the maximum age alone
/// keeps the version.
/// </summary>
internal sealed partial class SnapshotService(
    IServiceScopeFactory scopes,
    SnapshotHolder holder,
    DatabaseStatus database,
    IOptions<SnapshotServiceOptions> serviceOptions,
    IOptions<ListOptions> listOptions,
    TimeProvider time,
    ILogger<SnapshotService> logger,
    SharedPayloadCache? sharedPayloads = null) : IHostedService, IDataChangeNotifier, IDisposable
{
    private readonly SnapshotServiceOptions _options = serviceOptions.Value;
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private bool _rebuildPending;
    private volatile bool _disposed;

    /// <summary>Called by the store after every commit.</summary>
    public void NotifyChanged() => Volatile.Read(ref _changed).TrySetResult();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryRebuildAsync("start-up", cancellationToken))
        {
            LogNotReady(logger);
            _rebuildPending = true;
        }

        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The test host may dispose the container before it stops the hosted services.
        if (!_disposed)
        {
            await _stopping.CancelAsync();
        }

        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop ends at its next await.
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var nextPoll = time.GetUtcNow() + _options.PollInterval;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var rebuildAt = RebuildDue();
                var wakeAt = rebuildAt < nextPoll ? rebuildAt : nextPoll;
                var changed = Volatile.Read(ref _changed).Task;
                if (await WaitAsync(changed, wakeAt, stopping))
                {
                    if (_options.Debounce > TimeSpan.Zero)
                    {
                        await Task.Delay(_options.Debounce, time, stopping);
                    }

                    // Notifications from here on ask for another build: the load below may miss them.
                    Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                    await TryRebuildAsync("change", stopping);
                    continue;
                }

                var now = time.GetUtcNow();
                if (now >= rebuildAt)
                {
                    await TryRebuildAsync(holder.Current?.Snapshot.NextExpiry <= now ? "expiry" : "maximum age", stopping);
                }
                else if (now >= nextPoll)
                {
                    nextPoll = now + _options.PollInterval;
                    await PollAsync(stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Never let the loop die: the next poll tries again.
                LogLoopFailed(logger, ex);
                nextPoll = time.GetUtcNow() + _options.PollInterval;
            }
        }
    }

    // When the current snapshot stops being right on its own: an expiry, or its maximum age.
    private DateTimeOffset RebuildDue()
    {
        var current = holder.Current?.Snapshot;
        if (current is null || _rebuildPending)
        {
            return DateTimeOffset.MaxValue; // retried at the next poll
        }

        var due = current.BuiltAt + _options.MaxAge;
        return current.NextExpiry is { } expiry && expiry < due ? expiry : due;
    }

    private async Task<bool> WaitAsync(Task changed, DateTimeOffset wakeAt, CancellationToken stopping)
    {
        if (changed.IsCompleted)
        {
            return true;
        }

        var delay = wakeAt - time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return false;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var elapsed = Task.Delay(delay, time, timer.Token);
        var first = await Task.WhenAny(changed, elapsed);
        await timer.CancelAsync();
        stopping.ThrowIfCancellationRequested();
        return first == changed;
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        long counter;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            counter = await scope.ServiceProvider.GetRequiredService<IIndicatorStore>().GetChangeCounterAsync(stopping);
            database.ReportUp();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            database.ReportDown(Describe(ex));
            LogPollFailed(logger, ex.GetType().Name, ex);
            return;
        }

        var current = holder.Current?.Snapshot;
        if (_rebuildPending || current is null || counter != current.ChangeCounter)
        {
            await TryRebuildAsync(current is null ? "retry" : "change counter moved", stopping);
        }
    }

    private async Task<bool> TryRebuildAsync(string reason, CancellationToken cancellationToken)
    {
        try
        {
            await RebuildAsync(reason, cancellationToken);
            _rebuildPending = false;
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _rebuildPending = true;
            database.ReportDown(Describe(ex));
            LogRebuildFailed(logger, reason, ex);
            return false;
        }
    }

    private async Task RebuildAsync(string reason, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var previous = holder.Current;
        BlocklistSnapshot snapshot;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IIndicatorStore>();
            if (previous?.Snapshot is { NextExpiry: { } expiry } served && expiry <= now)
            {
                // Content changed with no write. Only the first replica to get here moves the counter
                // (compare-and-set on the counter this snapshot was built from); a replica that finds it
                // moved already just loads the version another one made.
                await store.TryAdvanceChangeCounterAsync(served.ChangeCounter, cancellationToken);
            }

            snapshot = await LoadAsync(store, now, cancellationToken);
            if (snapshot.Version == 0)
            {
                // Nothing was ever written: 0 means "no snapshot yet" to whoever waits for a newer one.
                await store.TryAdvanceChangeCounterAsync(0, cancellationToken);
                snapshot = await LoadAsync(store, now, cancellationToken);
            }

            database.ReportUp();
        }

        var built = Stopwatch.GetElapsedTime(started);
        var published = new PublishedSnapshot(snapshot, listOptions.Value, sharedPayloads, previous);

        // The default format is rendered before the swap, so no request waits for it.
        await published.PayloadAsync(Core.Rendering.ListFormat.Plain);
        holder.Publish(published);
        HeapCompaction.AfterRebuild(snapshot.Counts.Indicators);
        BlacklistMetrics.Observe(snapshot);
        var total = Stopwatch.GetElapsedTime(started);
        LogPublished(logger, snapshot.Version, reason, snapshot.Counts.Entries, snapshot.Counts.Indicators, (long)built.TotalMilliseconds, (long)total.TotalMilliseconds);
    }

    private Task<BlocklistSnapshot> LoadAsync(IIndicatorStore store, DateTimeOffset now, CancellationToken cancellationToken)
        => StoredSnapshot.LoadAsync(store, now, new SnapshotOptions { ServeReserved = _options.ServeReserved }, counter => counter, cancellationToken);

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: the database did not answer; reads are served from the last snapshot.";

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Snapshot {Version} published ({Reason}): {Entries} entries from {Indicators} indicators, built in {BuildMs} ms, rendered in {TotalMs} ms")]
    private static partial void LogPublished(ILogger logger, long version, string reason, long entries, int indicators, long buildMs, long totalMs);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Snapshot rebuild ({Reason}) failed; the previous snapshot is still served and the rebuild is retried at the next poll")]
    private static partial void LogRebuildFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Reading the change counter failed ({Kind}); serving the last snapshot")]
    private static partial void LogPollFailed(ILogger logger, string kind, Exception exception);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "No snapshot could be loaded at start-up: /ready answers 503 until the database answers")]
    private static partial void LogNotReady(ILogger logger);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Error, Message = "The snapshot loop failed unexpectedly; it continues after the poll interval")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
