using Blacklist.Core.Addresses;

namespace Blacklist.Server.Push;

/// <summary>What one push sends: every entry (a snapshot), the changed entries (a delta), or nothing.</summary>
/// <param name="Version">The snapshot version the device holds once this is sent.</param>
/// <param name="Removed">Entries to remove (a delta only).</param>
/// <param name="Added">Entries to add: every entry for a snapshot.</param>
/// <param name="Entries">Entries the device holds once this is sent.</param>
/// <param name="Reason">Why a snapshot rather than a delta (first push, history lost, after a failure).</param>
internal sealed record PushPlan(PushMode Mode, long Version, IReadOnlyList<IpRange> Removed, IReadOnlyList<IpRange> Added, long Entries, string? Reason = null);

internal enum PushMode
{
    Unchanged,
    Delta,
    Snapshot,
}
