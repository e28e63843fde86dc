using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Observability;

// The Prometheus registry is process-wide: run alone so other hosts do not move the gauges.
[Collection(nameof(ProcessWideMetrics))]
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_export_the_request_histogram_and_the_snapshot_series()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");
        await app.Client.GetStringAsync("/api/blacklist/active");
        await app.Client.GetStringAsync("/health");

        var metrics = await app.Client.GetStringAsync("/metrics");

        metrics.ShouldContain("http_request_duration_seconds_bucket");
        metrics.ShouldContain("endpoint=\"/api/blacklist/active\"");
        metrics.ShouldContain($"blacklist_snapshot_version {app.Factory.CurrentVersion}");
        metrics.ShouldContain("blacklist_active_entries{family=\"ipv4\"} 1");
        metrics.ShouldContain("blacklist_active_indicators{source=\"manual\"} 1");
        metrics.ShouldContain("blacklist_snapshot_age_seconds 0");
        metrics.ShouldContain("blacklist_database_up 1");
        metrics.ShouldContain("blacklist_cache_requests_total{result=\"hit\"}");
        metrics.ShouldContain("blacklist_cache_fallback_active 0");
        metrics.ShouldContain("blacklist_feed_pulls_total{feed=\"active\"}");
    }
}

[CollectionDefinition(nameof(ProcessWideMetrics), DisableParallelization = true)]
public sealed class ProcessWideMetrics;
