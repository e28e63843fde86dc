using Blacklist.Data.Contracts;
using Blacklist.Server.Snapshots;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Blacklist.Server.Observability;

/// <summary>Asks the database for its change counter; the answer also feeds blacklist_database_up.</summary>
internal sealed class DatabaseHealthCheck(IIndicatorStore store, DatabaseStatus status) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var counter = await store.GetChangeCounterAsync(cancellationToken);
            status.ReportUp();
            return HealthCheckResult.Healthy("reachable", new Dictionary<string, object> { ["changeCounter"] = counter });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var detail = $"{ex.GetType().Name}: the database did not answer; reads are served from the last snapshot.";
            status.ReportDown(detail);
            return HealthCheckResult.Unhealthy(detail);
        }
    }
}
