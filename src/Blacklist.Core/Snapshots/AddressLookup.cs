using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;

namespace Blacklist.Core.Snapshots;

/// <summary>Why one address is or is not served.</summary>
public sealed record AddressLookup(IpFamily Family, UInt128 Value)
{
    /// <summary>True when the served list holds the address.</summary>
    public bool Blocked { get; init; }

    /// <summary>Active indicators whose range covers the address (whether or not it is served).</summary>
    public IReadOnlyList<IndicatorRecord> Indicators { get; init; } = [];

    /// <summary>Active allowlist entries covering the address: each one keeps it off the list.</summary>
    public IReadOnlyList<AllowlistRecord> Allowlist { get; init; } = [];

    /// <summary>The reserved block holding the address, if any.</summary>
    public ReservedRange? Reserved { get; init; }

    /// <summary>True when the reserved block keeps the address off the list (the operator did not turn that off).</summary>
    public bool ReservedExcluded { get; init; }

    public string Address => IpFormat.FormatAddress(Family, Value);
}
