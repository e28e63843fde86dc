using System.Globalization;
using Blacklist.Server.Caching;
using Blacklist.Server.Observability;
using Blacklist.Server.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Blacklist.Server.Api.Health;

/// <summary>
/// Liveness and readiness. Reads come from the snapshot, so only a process that never loaded one
/// is unhealthy (503); a database outage is "degraded" and keeps /ready at 200.
/// </summary>
internal static class HealthApi
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";

    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup("").WithTags("Health");
        health.MapGet("/health", GetHealth)
            .WithName("GetHealth")
            .WithSummary("Liveness, with each component's state")
            .WithDescription("200 while the process can serve (status healthy or degraded); 503 only when no snapshot could ever be loaded.");
        health.MapGet("/ready", GetReadiness)
            .WithName("GetReadiness")
            .WithSummary("Readiness: 200 once a snapshot is loaded");
        return health;
    }

    private static async Task<JsonHttpResult<HealthResponse>> GetHealth([AsParameters] HealthServices services, CancellationToken cancellationToken)
    {
        var report = await services.Checks.CheckHealthAsync(cancellationToken);
        var components = new Dictionary<string, ComponentHealth>(StringComparer.Ordinal);
        foreach (var (name, entry) in report.Entries)
        {
            // The cache says where lists are cached now ("redis" or "memory"), not up or down.
            var state = name == CacheHealthCheck.Name ? CacheHealthCheck.StatusOf(entry.Status) : StatusOf(entry.Status);
            components[name] = new ComponentHealth(state, entry.Description)
            {
                Data = entry.Data.Count > 0 ? entry.Data : null,
            };
        }

        components.TryAdd(CacheHealthCheck.Name, new ComponentHealth("memory", "in-process memory; the snapshot and its rendered lists live in this process"));
        components.TryAdd("collectors", new ComponentHealth("unknown", "collection reports no state in this process"));

        var published = services.Snapshots.Current?.Snapshot;
        var now = services.Time.GetUtcNow();
        var snapshot = published is null
            ? null
            : new SnapshotHealth(published.Version, published.BuiltAt, Math.Round((now - published.BuiltAt).TotalSeconds, 3), published.Counts.Entries, published.Counts.Indicators);
        var status = published is null ? Unhealthy
            : report.Entries.Values.Any(e => e.Status != HealthStatus.Healthy) ? Degraded
            : Healthy;
        var uptime = services.Clock.Uptime;
        var body = new HealthResponse(
            status,
            ServiceClock.Version,
            Math.Round(uptime.TotalSeconds, 3),
            uptime.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture),
            snapshot,
            components);
        return TypedResults.Json(body, statusCode: published is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private static JsonHttpResult<ReadinessResponse> GetReadiness(SnapshotHolder snapshots, DatabaseStatus database)
    {
        if (snapshots.Current?.Snapshot is not { } snapshot)
        {
            return TypedResults.Json(
                new ReadinessResponse("starting", null, $"No snapshot loaded yet; database: {database.Detail}"),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var detail = database.IsUp == false ? $"serving the last snapshot; database: {database.Detail}" : "serving";
        return TypedResults.Json(new ReadinessResponse("ready", snapshot.Version, detail));
    }

    private static string StatusOf(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "up",
        HealthStatus.Degraded => "degraded",
        _ => "down",
    };
}

/// <summary>What /health needs from DI.</summary>
internal sealed record HealthServices(HealthCheckService Checks, SnapshotHolder Snapshots, ServiceClock Clock, TimeProvider Time);
