using Blacklist.Core.Addresses;
using Blacklist.Core.Snapshots;
using Prometheus;

namespace Blacklist.Server.Observability;

/// <summary>
/// The service's own Prometheus series (names fixed: the alert rules in deploy/ use them).
/// prometheus-net keeps them in its process-wide default registry.
/// </summary>
internal static class BlacklistMetrics
{
    public static readonly Gauge ActiveEntries = Metrics.CreateGauge(
        "blacklist_active_entries", "Served entries (minimal CIDR cover) by address family.", "family");

    public static readonly Gauge ActiveIndicators = Metrics.CreateGauge(
        "blacklist_active_indicators", "Active indicators by source (before merging).", "source");

    public static readonly Gauge SnapshotVersion = Metrics.CreateGauge(
        "blacklist_snapshot_version", "Version of the snapshot being served.");

    public static readonly Gauge SnapshotAge = Metrics.CreateGauge(
        "blacklist_snapshot_age_seconds", "Seconds since the served snapshot was built.");

    public static readonly Gauge DatabaseUp = Metrics.CreateGauge(
        "blacklist_database_up", "1 when the last database call succeeded, else 0.");

    public static readonly Counter CacheRequests = Metrics.CreateCounter(
        "blacklist_cache_requests_total", "List payload requests by cache result (hit: served pre-rendered; miss: rendered for this request), and lookups of rendered lists in Redis (redis_hit: another replica's bytes reused; redis_miss: rendered here and shared).", "result");

    // The hot children, looked up once rather than on every list request.
    private static readonly Counter.Child CacheHit = CacheRequests.WithLabels("hit");
    private static readonly Counter.Child CacheMiss = CacheRequests.WithLabels("miss");

    public static readonly Gauge CacheFallbackActive = Metrics.CreateGauge(
        "blacklist_cache_fallback_active", "1 when the shared cache is unavailable and this replica serves from memory alone.");

    public static readonly Counter FeedPulls = Metrics.CreateCounter(
        "blacklist_feed_pulls_total", "Feed downloads and revalidations by feed.", "feed");

    /// <summary>Counts a list request served pre-rendered (hit) or rendered for it (miss).</summary>
    public static void CountListRequest(bool preRendered) => (preRendered ? CacheHit : CacheMiss).Inc();

    private static readonly HashSet<string> PublishedSources = new(StringComparer.Ordinal);

    private static volatile Func<double?>? _snapshotAge;

    static BlacklistMetrics()
    {
        // The age moves by itself, so it is computed when Prometheus scrapes.
        Metrics.DefaultRegistry.AddBeforeCollectCallback(() =>
        {
            if (_snapshotAge?.Invoke() is { } age)
            {
                SnapshotAge.Set(age);
            }
        });
    }

    /// <summary>Where the snapshot age comes from (the last host to start wins: the registry is process-wide).</summary>
    public static void TrackSnapshotAge(Func<double?> ageInSeconds) => _snapshotAge = ageInSeconds;

    /// <summary>Sets the snapshot series from a newly published snapshot.</summary>
    public static void Observe(BlocklistSnapshot snapshot)
    {
        SnapshotVersion.Set(snapshot.Version);
        ActiveEntries.WithLabels("ipv4").Set(snapshot.Counts.EntriesByFamily[IpFamily.V4]);
        ActiveEntries.WithLabels("ipv6").Set(snapshot.Counts.EntriesByFamily[IpFamily.V6]);
        lock (PublishedSources)
        {
            // A source that has no active indicator any more reads 0, not its last value.
            foreach (var source in PublishedSources)
            {
                if (!snapshot.Counts.IndicatorsBySource.ContainsKey(source))
                {
                    ActiveIndicators.WithLabels(source).Set(0);
                }
            }

            foreach (var (source, count) in snapshot.Counts.IndicatorsBySource)
            {
                ActiveIndicators.WithLabels(source).Set(count);
                PublishedSources.Add(source);
            }
        }
    }
}
