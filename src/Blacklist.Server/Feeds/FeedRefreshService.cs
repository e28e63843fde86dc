using Blacklist.Server.Snapshots;

namespace Blacklist.Server.Feeds;

/// <summary>Follows the served snapshot: each new version is fitted to every feed profile.</summary>
internal sealed partial class FeedRefreshService(SnapshotHolder snapshots, FeedPublisher publisher, ILogger<FeedRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long version = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            PublishedSnapshot next;
            try
            {
                next = await snapshots.WaitForNewerAsync(version, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            version = next.Snapshot.Version;
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                publisher.Publish(next.Snapshot);
                var elapsedMs = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogPublished(logger, version, publisher.Profiles.Count, elapsedMs);

                // The last step of a rebuild: what the snapshot and feed builds left behind goes back to the OS.
                HeapCompaction.AfterRebuild(next.Snapshot.Counts.Indicators);
            }
            catch (Exception ex)
            {
                // The previous feeds stay served; the next snapshot tries again.
                LogFailed(logger, version, ex);
            }
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Feeds for snapshot {Version} published: {Profiles} profiles fitted in {ElapsedMs} ms")]
    private static partial void LogPublished(ILogger logger, long version, int profiles, long elapsedMs);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Error, Message = "Fitting the feeds to snapshot {Version} failed; the previous feeds are still served")]
    private static partial void LogFailed(ILogger logger, long version, Exception exception);
}
