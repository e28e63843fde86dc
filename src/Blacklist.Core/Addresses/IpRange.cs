using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace Blacklist.Core.Addresses;

/// <summary>
/// An inclusive range of addresses of one family, as exact integers. IPv4 values are the plain
/// 32-bit numbers (never IPv4-mapped IPv6). Ordered by family, then first, then last.
/// </summary>
public readonly record struct IpRange : IComparable<IpRange>
{
    public IpRange(IpFamily family, UInt128 first, UInt128 last)
    {
        if (family is not (IpFamily.V4 or IpFamily.V6))
        {
            throw new ArgumentOutOfRangeException(nameof(family), $"{family} is not an address family; use IpFamily.V4 or IpFamily.V6.");
        }

        if (first > last)
        {
            throw new ArgumentException($"The range start {first} is after its end {last}.", nameof(first));
        }

        if (last > family.MaxValue())
        {
            throw new ArgumentOutOfRangeException(nameof(last), $"{last} does not fit in an {family} address.");
        }

        Family = family;
        First = first;
        Last = last;
    }

    public IpFamily Family { get; }

    public UInt128 First { get; }

    public UInt128 Last { get; }

    public static IpRange V4(uint first, uint last) => new(IpFamily.V4, first, last);

    public static IpRange V4(uint address) => new(IpFamily.V4, address, address);

    public static IpRange V6(UInt128 first, UInt128 last) => new(IpFamily.V6, first, last);

    /// <summary>The block of <paramref name="prefixLength"/> bits holding <paramref name="address"/>; host bits are masked off.</summary>
    public static IpRange FromCidr(IpFamily family, UInt128 address, int prefixLength)
    {
        var bits = family.Bits();
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, bits);
        var hostMask = HostMask(family, prefixLength);
        var first = address & ~hostMask & family.MaxValue();
        return new IpRange(family, first, first | hostMask);
    }

    /// <summary>The one-address range of <paramref name="address"/>; IPv4-mapped IPv6 becomes IPv4.</summary>
    public static IpRange FromAddress(IPAddress address)
    {
        var (family, value) = ToNumber(address);
        return new IpRange(family, value, value);
    }

    public bool IsSingleAddress => First == Last;

    /// <summary>Exact number of addresses; up to 2^128 for the whole IPv6 space.</summary>
    public BigInteger AddressCount => (BigInteger)(Last - First) + 1;

    /// <summary>The prefix length when the range is exactly one CIDR block, else null.</summary>
    public int? PrefixLength
    {
        get
        {
            var size = Last - First; // size - 1, never overflows
            if ((size & (size + 1)) != 0 && size != UInt128.MaxValue)
            {
                return null; // size is not a power of two
            }

            if ((First & size) != 0)
            {
                return null; // not aligned
            }

            var hostBits = size == UInt128.MaxValue ? 128 : 128 - (int)UInt128.LeadingZeroCount(size);
            return Family.Bits() - hostBits;
        }
    }

    public bool Contains(UInt128 value) => value >= First && value <= Last;

    public bool Contains(IpRange other) => other.Family == Family && other.First >= First && other.Last <= Last;

    public bool Overlaps(IpRange other) => other.Family == Family && other.First <= Last && other.Last >= First;

    public int CompareTo(IpRange other)
    {
        var c = Family.CompareTo(other.Family);
        if (c != 0)
        {
            return c;
        }

        c = First.CompareTo(other.First);
        return c != 0 ? c : Last.CompareTo(other.Last);
    }

    public static bool operator <(IpRange left, IpRange right) => left.CompareTo(right) < 0;

    public static bool operator >(IpRange left, IpRange right) => left.CompareTo(right) > 0;

    public static bool operator <=(IpRange left, IpRange right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IpRange left, IpRange right) => left.CompareTo(right) >= 0;

    /// <summary>"1.2.3.4" for one address, "1.2.3.0/24" for a CIDR block, else "a-b".</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[IpFormat.MaxRangeChars];
        var written = IpFormat.FormatRange(this, buffer, RangeStyle.Natural);
        return new string(buffer[..written]);
    }

    /// <summary>The first address as an <see cref="IPAddress"/>.</summary>
    public IPAddress FirstAddress => ToAddress(Family, First);

    /// <summary>The last address as an <see cref="IPAddress"/>.</summary>
    public IPAddress LastAddress => ToAddress(Family, Last);

    public static IPAddress ToAddress(IpFamily family, UInt128 value)
    {
        if (family == IpFamily.V4)
        {
            var v = (uint)value;
            return new IPAddress(new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v });
        }

        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    /// <summary>The family and integer value of an address; IPv4-mapped IPv6 becomes IPv4.</summary>
    public static (IpFamily Family, UInt128 Value) ToNumber(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes, out _);
            return (IpFamily.V4, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes));
        }

        address.TryWriteBytes(bytes, out _);
        return (IpFamily.V6, System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes));
    }

    internal static UInt128 HostMask(IpFamily family, int prefixLength)
    {
        var hostBits = family.Bits() - prefixLength;
        return hostBits == 0 ? UInt128.Zero : hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
    }
}
