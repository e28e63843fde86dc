namespace Blacklist.Core.Rendering;

/// <summary>How the CIDR blocks of the minimal cover are written, one per line.</summary>
internal readonly record struct CidrLineStyle(bool BareSingleAddress, bool SplitWholeSpace)
{
    /// <summary>Plain list: "1.2.3.4" for one address, "5.6.0.0/16" for a block.</summary>
    public static CidrLineStyle Plain { get; } = new(BareSingleAddress: true, SplitWholeSpace: false);

    /// <summary>Every block with its prefix length.</summary>
    public static CidrLineStyle Cidr { get; } = new(BareSingleAddress: false, SplitWholeSpace: false);

    /// <summary>ipset hash:net refuses a /0, so the whole space is written as its two /1 halves.</summary>
    public static CidrLineStyle HashNet { get; } = new(BareSingleAddress: true, SplitWholeSpace: true);
}
