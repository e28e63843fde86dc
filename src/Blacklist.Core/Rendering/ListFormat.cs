namespace Blacklist.Core.Rendering;

/// <summary>The output formats a list can be rendered in (the `?format=` values, lower-case).</summary>
public enum ListFormat
{
    /// <summary>Minimal CIDR cover, one per line; single addresses without /32 or /128.</summary>
    Plain,

    /// <summary>Minimal CIDR cover, every line with its prefix length.</summary>
    Cidr,

    /// <summary>Merged ranges, "first-last" per line (a single address alone).</summary>
    Range,

    /// <summary>FortiGate external threat feed: one address, range or subnet per line.</summary>
    FortiGate,

    /// <summary>Palo Alto external dynamic list: addresses, CIDRs and ranges.</summary>
    Edl,

    /// <summary>`ipset restore` script: hash:net per family, loaded atomically with swap.</summary>
    Ipset,

    /// <summary>`nft -f` script with interval sets for ip and ip6.</summary>
    Nft,

    /// <summary>JSON document with the merged ranges as objects (range, first, last, family, addresses).</summary>
    Json,

    /// <summary>CSV of the merged ranges: range,first,last,family,addresses.</summary>
    Csv,
}
