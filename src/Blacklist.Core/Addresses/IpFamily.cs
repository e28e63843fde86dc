namespace Blacklist.Core.Addresses;

/// <summary>The address family of a range. IPv4 sorts before IPv6 everywhere.</summary>
public enum IpFamily : byte
{
    V4 = 4,
    V6 = 6,
}

public static class IpFamilyExtensions
{
    /// <summary>Number of bits in an address of this family.</summary>
    public static int Bits(this IpFamily family) => family == IpFamily.V4 ? 32 : 128;

    /// <summary>The largest address value of this family.</summary>
    public static UInt128 MaxValue(this IpFamily family) => family == IpFamily.V4 ? uint.MaxValue : UInt128.MaxValue;
}
