using Blacklist.Data.Contracts;
using Blacklist.Server.Collection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Blacklist.Server.Observability;

/// <summary>
/// The collection summary in /health: the global switch, how many sources are on, and which of
/// them failed or were refused on their last run (degraded: the data they feed may be getting old).
/// </summary>
internal sealed class CollectorsHealthCheck(CollectionSwitch collectionSwitch, SourceCatalog catalog, ICollectionRunStore runs) : IHealthCheck
{
    public const string Name = "collectors";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var switchedOn = await collectionSwitch.IsEnabledAsync(cancellationToken);
        var enabled = await catalog.GetEnabledAsync(cancellationToken);
        var summaries = await runs.GetSummariesAsync(cancellationToken);
        var collected = catalog.All.Where(s => s.IsCollected).ToList();
        var on = collected.Where(s => enabled.GetValueOrDefault(s.Name)).Select(s => s.Name).ToList();
        var failing = on
            .Where(name => summaries.GetValueOrDefault(name)?.LastRun?.Status is RunStatus.Failed or RunStatus.Refused)
            .Order(StringComparer.Ordinal)
            .ToList();
        var data = new Dictionary<string, object>
        {
            ["collectionEnabled"] = switchedOn,
            ["sources"] = collected.Count,
            ["enabledSources"] = on.Count,
            ["failing"] = failing,
        };

        if (failing.Count > 0)
        {
            return HealthCheckResult.Degraded(
                $"last run failed or was refused for {string.Join(", ", failing)}; see GET /api/collection/status. The data they had is still served.",
                data: data);
        }

        var state = switchedOn ? "on" : "switched off (POST /api/collection/enable to resume)";
        return HealthCheckResult.Healthy($"collection {state}; {on.Count} of {collected.Count} sources enabled", data);
    }
}
