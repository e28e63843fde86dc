namespace Blacklist.Server.Snapshots;

/// <summary>
/// What the last database call said: reads come from the snapshot, so an outage is reported
/// (health, metrics) rather than failing requests.
/// </summary>
internal sealed class DatabaseStatus(TimeProvider time)
{
    private volatile Observation _last = new(null, "not contacted yet", time.GetUtcNow());

    /// <summary>Null until the database was first contacted.</summary>
    public bool? IsUp => _last.Up;

    public string Detail => _last.Detail;

    public DateTimeOffset CheckedAt => _last.At;

    public void ReportUp()
    {
        _last = new Observation(true, "reachable", time.GetUtcNow());
        Observability.BlacklistMetrics.DatabaseUp.Set(1);
    }

    /// <summary>Records a failure; <paramref name="detail"/> is shown in /health, so it names the kind of failure, never its internals.</summary>
    public void ReportDown(string detail)
    {
        _last = new Observation(false, detail, time.GetUtcNow());
        Observability.BlacklistMetrics.DatabaseUp.Set(0);
    }

    private sealed record Observation(bool? Up, string Detail, DateTimeOffset At);
}
