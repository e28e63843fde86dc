namespace Blacklist.Core.Snapshots;

/// <summary>How a snapshot is built from the stored data.</summary>
public sealed record SnapshotOptions
{
    /// <summary>Serve addresses in the reserved ranges too (off by default: see <see cref="ReservedRanges"/>).</summary>
    public bool ServeReserved { get; init; }
}
