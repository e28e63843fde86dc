using System.Text.Json.Serialization;

namespace Blacklist.Server.Api.Health;

/// <summary>The /health body, shaped for jq: `curl -s :2542/health | jq .components.database.status`.</summary>
internal sealed record HealthResponse(
    string Status,
    string Version,
    double UptimeSeconds,
    string Uptime,
    SnapshotHealth? Snapshot,
    IReadOnlyDictionary<string, ComponentHealth> Components);

/// <summary>The served snapshot: which, how old, how big.</summary>
internal sealed record SnapshotHealth(long Version, DateTimeOffset BuiltAt, double AgeSeconds, long Entries, int Indicators);

/// <summary>One component: "up", "degraded", "down" (or "memory" for the cache), with a detail a person can act on.</summary>
internal sealed record ComponentHealth(string Status, string? Detail)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, object>? Data { get; init; }
}

/// <summary>The /ready body.</summary>
internal sealed record ReadinessResponse(string Status, long? SnapshotVersion, string Detail);
