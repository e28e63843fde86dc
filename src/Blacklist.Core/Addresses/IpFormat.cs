using System.Buffers.Binary;

namespace Blacklist.Core.Addresses;

/// <summary>How a range is written out.</summary>
public enum RangeStyle
{
    /// <summary>One address as itself, an exact CIDR block as a/n, anything else as a-b.</summary>
    Natural,

    /// <summary>Always first-last, even for one address.</summary>
    FirstLast,

    /// <summary>One address as itself, else first-last.</summary>
    AddressOrFirstLast,
}

/// <summary>Allocation-free text for addresses and ranges, in UTF-8 or UTF-16 (RFC 5952 for IPv6).</summary>
public static class IpFormat
{
    /// <summary>Longest IPv6 text (eight full groups).</summary>
    public const int MaxAddressChars = 39;

    /// <summary>Longest range text: two addresses and a dash.</summary>
    public const int MaxRangeChars = (2 * MaxAddressChars) + 1;

    // Each octet's decimal text followed by a dot, as the four bytes of a little-endian uint ("7.", "42.", "255."),
    // and the length of the text without the dot.
    private static readonly uint[] OctetThenDot = OctetTexts();
    private static readonly byte[] OctetLength = OctetLengths();

    /// <summary>Writes one address as UTF-8 and returns the byte count.</summary>
    public static int FormatAddress(IpFamily family, UInt128 value, Span<byte> destination)
        => family == IpFamily.V4 ? FormatV4((uint)value, destination) : FormatV6(value, destination);

    public static int FormatAddress(IpFamily family, UInt128 value, Span<char> destination)
    {
        Span<byte> utf8 = stackalloc byte[MaxAddressChars];
        var n = FormatAddress(family, value, utf8);
        Widen(utf8[..n], destination);
        return n;
    }

    /// <summary>Writes a range as UTF-8 in the given style and returns the byte count.</summary>
    public static int FormatRange(IpRange range, Span<byte> destination, RangeStyle style)
    {
        var n = FormatAddress(range.Family, range.First, destination);
        if (range.IsSingleAddress && style != RangeStyle.FirstLast)
        {
            return n;
        }

        if (style == RangeStyle.Natural && range.PrefixLength is { } prefix)
        {
            destination[n++] = (byte)'/';
            return n + WriteDecimal((uint)prefix, destination[n..]);
        }

        destination[n++] = (byte)'-';
        return n + FormatAddress(range.Family, range.Last, destination[n..]);
    }

    public static int FormatRange(IpRange range, Span<char> destination, RangeStyle style)
    {
        Span<byte> utf8 = stackalloc byte[MaxRangeChars];
        var n = FormatRange(range, utf8, style);
        Widen(utf8[..n], destination);
        return n;
    }

    /// <summary>Writes a CIDR block "address/prefix" as UTF-8.</summary>
    public static int FormatCidr(IpFamily family, UInt128 network, int prefixLength, Span<byte> destination)
    {
        var n = FormatAddress(family, network, destination);
        destination[n++] = (byte)'/';
        return n + WriteDecimal((uint)prefixLength, destination[n..]);
    }

    public static string FormatAddress(IpFamily family, UInt128 value)
    {
        Span<char> buffer = stackalloc char[MaxAddressChars];
        return new string(buffer[..FormatAddress(family, value, buffer)]);
    }

    /// <summary>
    /// Writes an IPv4 address (a plain 32-bit number) as UTF-8 and returns the byte count. With 16
    /// or more bytes of room it copies each octet's text from a table, which is several times faster
    /// than dividing; it may then leave scratch bytes past the returned count.
    /// </summary>
    public static int FormatV4(uint value, Span<byte> destination)
    {
        if (destination.Length < 16)
        {
            return FormatV4Exact(value, destination);
        }

        var n = 0;
        for (var shift = 24; shift > 0; shift -= 8)
        {
            var octet = (value >> shift) & 0xFF;
            BinaryPrimitives.WriteUInt32LittleEndian(destination[n..], OctetThenDot[octet]);
            n += OctetLength[octet] + 1;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination[n..], OctetThenDot[value & 0xFF]);
        return n + OctetLength[value & 0xFF];
    }

    private static int FormatV4Exact(uint value, Span<byte> destination)
    {
        var n = WriteDecimal(value >> 24, destination);
        destination[n++] = (byte)'.';
        n += WriteDecimal((value >> 16) & 0xFF, destination[n..]);
        destination[n++] = (byte)'.';
        n += WriteDecimal((value >> 8) & 0xFF, destination[n..]);
        destination[n++] = (byte)'.';
        return n + WriteDecimal(value & 0xFF, destination[n..]);
    }

    private static int FormatV6(UInt128 value, Span<byte> destination)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (var i = 0; i < 8; i++)
        {
            groups[i] = (ushort)(value >> (112 - (16 * i)));
        }

        // RFC 5952: compress the longest run (the first of equals) of two or more zero groups.
        int bestStart = -1, bestLength = 1;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < 8 && groups[i] == 0)
            {
                i++;
            }

            if (i - start > bestLength)
            {
                bestStart = start;
                bestLength = i - start;
            }
        }

        var n = 0;
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                destination[n++] = (byte)':';
                destination[n++] = (byte)':';
                i += bestLength - 1;
                continue;
            }

            if (i > 0 && i != bestStart + bestLength)
            {
                destination[n++] = (byte)':';
            }

            n += WriteHex(groups[i], destination[n..]);
        }

        return n;
    }

    private static uint[] OctetTexts()
    {
        var table = new uint[256];
        Span<byte> text = stackalloc byte[4];
        for (uint octet = 0; octet < 256; octet++)
        {
            var n = WriteDecimal(octet, text);
            text[n] = (byte)'.';
            table[octet] = BinaryPrimitives.ReadUInt32LittleEndian(text);
        }

        return table;
    }

    private static byte[] OctetLengths()
    {
        var table = new byte[256];
        for (var octet = 0; octet < 256; octet++)
        {
            table[octet] = (byte)(octet < 10 ? 1 : octet < 100 ? 2 : 3);
        }

        return table;
    }

    private static int WriteDecimal(uint value, Span<byte> destination)
    {
        if (value < 10)
        {
            destination[0] = (byte)('0' + value);
            return 1;
        }

        if (value < 100)
        {
            destination[0] = (byte)('0' + (value / 10));
            destination[1] = (byte)('0' + (value % 10));
            return 2;
        }

        if (value < 1000)
        {
            destination[0] = (byte)('0' + (value / 100));
            destination[1] = (byte)('0' + (value / 10 % 10));
            destination[2] = (byte)('0' + (value % 10));
            return 3;
        }

        value.TryFormat(destination, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        return written;
    }

    private static int WriteHex(ushort value, Span<byte> destination)
    {
        const string digits = "0123456789abcdef";
        var started = false;
        var n = 0;
        for (var shift = 12; shift >= 0; shift -= 4)
        {
            var d = (value >> shift) & 0xF;
            if (d != 0 || started || shift == 0)
            {
                destination[n++] = (byte)digits[d];
                started = true;
            }
        }

        return n;
    }

    private static void Widen(ReadOnlySpan<byte> ascii, Span<char> destination)
    {
        for (var i = 0; i < ascii.Length; i++)
        {
            destination[i] = (char)ascii[i];
        }
    }
}
