using Prometheus;

namespace Blacklist.Server.Collection;

/// <summary>The collection metrics the alert rules use; names and labels are part of the ops contract.</summary>
internal static class CollectionMetrics
{
    public static readonly Counter Runs = Metrics.CreateCounter(
        "blacklist_collection_runs_total", "Finished collection runs by source and outcome (succeeded, failed, refused).", "source", "outcome");

    public static readonly Gauge LastSuccess = Metrics.CreateGauge(
        "blacklist_collection_last_success_timestamp_seconds", "Unix time of each source's last successful collection run.", "source");

    public static readonly Counter GuardRefusals = Metrics.CreateCounter(
        "blacklist_guard_refusals_total", "Collection runs the guard refused, by source.", "source");

    public static void Succeeded(string source, DateTimeOffset at)
    {
        Runs.WithLabels(source, "succeeded").Inc();
        LastSuccess.WithLabels(source).Set(at.ToUnixTimeMilliseconds() / 1000.0);
    }

    public static void Failed(string source) => Runs.WithLabels(source, "failed").Inc();

    public static void Refused(string source)
    {
        Runs.WithLabels(source, "refused").Inc();
        GuardRefusals.WithLabels(source).Inc();
    }
}
