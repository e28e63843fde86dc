using System.ComponentModel.DataAnnotations;

namespace Blacklist.Server.Snapshots;

/// <summary>How the served snapshot follows the database (section <c>Blacklist:Snapshot</c>).</summary>
internal sealed class SnapshotServiceOptions
{
    public const string Section = "Blacklist:Snapshot";

    /// <summary>Serve addresses in the reserved ranges (loopback, RFC 1918, documentation…); off by default.</summary>
    public bool ServeReserved { get; set; }

    /// <summary>How long to wait after a change for more changes, so a burst of writes builds once.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Blacklist:Snapshot:Debounce must be between 00:00:00 and 00:01:00.")]
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the database's change counter is read, so replicas notice each other's writes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Blacklist:Snapshot:PollInterval must be between 00:00:00.100 and 01:00:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The snapshot is rebuilt at least this often, whatever else happens.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Blacklist:Snapshot:MaxAge must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
