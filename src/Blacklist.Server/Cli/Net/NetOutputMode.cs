namespace Blacklist.Server.Cli.Net;

/// <summary>What `blacklist net merge` prints.</summary>
internal enum NetOutputMode
{
    /// <summary>The minimal CIDR list; single addresses without /32 or /128 (iprange's default).</summary>
    Cidrs,

    /// <summary>The merged ranges as first-last, one per line (iprange's --print-ranges).</summary>
    Ranges,

    /// <summary>A CSV of entries read, ranges, CIDRs and unique addresses per family.</summary>
    Count,
}
