using System.Diagnostics;
using Blacklist.Server.Snapshots;

namespace Blacklist.Server.Api.Stats;

/// <summary>
/// Reads each newly published snapshot's daily series in the background, so the overview's
/// /api/stats answers from memory. When snapshots come faster than the series is read, only the
/// newest is read.
/// </summary>
internal sealed partial class DailyChangesWarmer(SnapshotHolder holder, DailyChangesCache cache, ILogger<DailyChangesWarmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seen = long.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = await holder.WaitForNewerAsync(seen, stoppingToken);
            seen = published.Snapshot.Version;
            try
            {
                var started = Stopwatch.GetTimestamp();
                await cache.SeriesFor(seen).WaitAsync(stoppingToken);
                var elapsed = Stopwatch.GetElapsedTime(started);
                LogWarmed(logger, seen, (long)elapsed.TotalMilliseconds);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database may be down: /api/stats says so, and the next request or snapshot retries.
                LogWarmFailed(logger, seen, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Reading the daily added/expired series for snapshot {Version} failed ({Kind}); /api/stats retries when asked")]
    private static partial void LogWarmFailed(ILogger logger, long version, string kind);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Debug, Message = "Daily added/expired series for snapshot {Version} ready in {Ms} ms")]
    private static partial void LogWarmed(ILogger logger, long version, long ms);
}
