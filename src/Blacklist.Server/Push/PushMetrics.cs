using Prometheus;

namespace Blacklist.Server.Push;

/// <summary>The push series: runs by outcome, the last success and the entries each device holds.</summary>
internal static class PushMetrics
{
    public static readonly Counter Runs = Metrics.CreateCounter(
        "blacklist_push_runs_total", "Feed pushes to devices by device and outcome (succeeded, failed).", "device", "outcome");

    public static readonly Gauge LastSuccess = Metrics.CreateGauge(
        "blacklist_push_last_success_timestamp_seconds", "Unix time of each device's last successful push.", "device");

    public static readonly Gauge Entries = Metrics.CreateGauge(
        "blacklist_push_entries", "Entries each device holds after its last successful push.", "device");

    public static readonly Gauge ConsecutiveFailures = Metrics.CreateGauge(
        "blacklist_push_consecutive_failures", "Failed pushes in a row per device (0 after a success).", "device");

    public static void Succeeded(string device, DateTimeOffset at, long entries)
    {
        Runs.WithLabels(device, "succeeded").Inc();
        LastSuccess.WithLabels(device).Set(at.ToUnixTimeMilliseconds() / 1000.0);
        Entries.WithLabels(device).Set(entries);
        ConsecutiveFailures.WithLabels(device).Set(0);
    }

    public static void Failed(string device, int failuresInARow)
    {
        Runs.WithLabels(device, "failed").Inc();
        ConsecutiveFailures.WithLabels(device).Set(failuresInARow);
    }
}
