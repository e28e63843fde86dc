using System.Globalization;
using Blacklist.Data.Contracts;
using Blacklist.Data.Hosting;
using Blacklist.Server.Snapshots;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Blacklist.Server.Observability;

/// <summary>
/// Asks the database for its change counter; the answer also feeds blacklist_database_up. A database
/// that hangs (a stopped VM, a full connection backlog) is marked down after <see cref="Timeout"/>
/// even if the driver ignores cancellation, so /health and /ready never wait on it.
/// </summary>
internal sealed class DatabaseHealthCheck(IIndicatorStore store, DatabaseStatus status, TimeProvider time) : IHealthCheck
{
    public const string Name = "database";

    /// <summary>Shorter than the registration's timeout, so this check (not the health service) reports the reason.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var counter = await DatabaseDeadline.WithinAsync(store.GetChangeCounterAsync, Timeout, time, cancellationToken);
            status.ReportUp();
            return HealthCheckResult.Healthy("reachable", new Dictionary<string, object> { ["changeCounter"] = counter });
        }
        catch (TimeoutException)
        {
            return Down(string.Create(CultureInfo.InvariantCulture, $"no answer within {Timeout.TotalSeconds:0.#} s: the database did not answer; reads are served from the last snapshot."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Down($"{ex.GetType().Name}: the database did not answer; reads are served from the last snapshot.");
        }
    }

    private HealthCheckResult Down(string detail)
    {
        status.ReportDown(detail);
        return HealthCheckResult.Unhealthy(detail);
    }
}
