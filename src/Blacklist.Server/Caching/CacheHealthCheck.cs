using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Blacklist.Server.Caching;

/// <summary>
/// The cache component of /health when Redis is configured: "redis" while it is reachable, else
/// degraded with "memory (redis unreachable since …)". Only the connection's state is read: a
/// health probe never waits on Redis.
/// </summary>
internal sealed class CacheHealthCheck(SharedCacheConnection redis) : IHealthCheck
{
    public const string Name = "cache";

    /// <summary>The status word /health shows for the cache: where the lists are cached now.</summary>
    public static string StatusOf(HealthStatus status) => status == HealthStatus.Healthy ? "redis" : "memory";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var since = redis.UnreachableSince;
        var detail = SharedCacheConnection.Describe(since);
        return Task.FromResult(since is null ? HealthCheckResult.Healthy(detail) : HealthCheckResult.Degraded(detail));
    }
}
