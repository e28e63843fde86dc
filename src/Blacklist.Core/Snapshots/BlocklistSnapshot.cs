using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;

namespace Blacklist.Core.Snapshots;

/// <summary>
/// One immutable, versioned view of what is served: the active set (active indicators − allowlist
/// − reserved ranges), its counts, and an index that explains any address. Readers share it
/// freely; a change builds a new one (<see cref="SnapshotBuilder"/>).
/// </summary>
public sealed partial class BlocklistSnapshot
{
    private readonly CoverIndex<IndicatorRecord> _indicators;
    private readonly CoverIndex<AllowlistRecord> _allowlist;

    internal BlocklistSnapshot(
        long version,
        DateTimeOffset builtAt,
        long changeCounter,
        IpSet active,
        IpSet allowlisted,
        SnapshotOptions options,
        SnapshotCounts counts,
        DateTimeOffset? nextExpiry,
        CoverIndex<IndicatorRecord> indicators,
        CoverIndex<AllowlistRecord> allowlist)
    {
        Version = version;
        BuiltAt = builtAt;
        ChangeCounter = changeCounter;
        Active = active;
        Allowlisted = allowlisted;
        Options = options;
        Counts = counts;
        NextExpiry = nextExpiry;
        _indicators = indicators;
        _allowlist = allowlist;
    }

    /// <summary>Grows with every snapshot a process builds.</summary>
    public long Version { get; }

    public DateTimeOffset BuiltAt { get; }

    /// <summary>The store's change counter this snapshot reflects.</summary>
    public long ChangeCounter { get; }

    /// <summary>The served set.</summary>
    public IpSet Active { get; }

    /// <summary>The active allowlist as a set.</summary>
    public IpSet Allowlisted { get; }

    public SnapshotOptions Options { get; }

    public SnapshotCounts Counts { get; }

    /// <summary>The earliest moment after <see cref="BuiltAt"/> when an indicator or allowlist entry expires: the snapshot is stale then.</summary>
    public DateTimeOffset? NextExpiry { get; }

    /// <summary>Explains one address: served or not, and which indicators, allowlist entries or reserved block decide it.</summary>
    public AddressLookup Lookup(IpFamily family, UInt128 value)
    {
        var reserved = ReservedRanges.Find(family, value);
        return new AddressLookup(family, value)
        {
            Blocked = Active.Contains(family, value),
            Indicators = _indicators.FindCovering(family, value),
            Allowlist = _allowlist.FindCovering(family, value),
            Reserved = reserved,
            ReservedExcluded = reserved is not null && !Options.ServeReserved,
        };
    }
}
