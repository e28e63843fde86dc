using System.Globalization;

namespace Blacklist.Core.Rendering;

/// <summary>The exact number of addresses in a range as UTF-8 decimal digits, up to 2^128.</summary>
internal static class AddressCountText
{
    /// <summary>Digits of 2^128, the whole IPv6 space, one more than UInt128 holds.</summary>
    public const int MaxDigits = 39;

    private static ReadOnlySpan<byte> WholeIpv6Space => "340282366920938463463374607431768211456"u8;

    public static int Format(UInt128 first, UInt128 last, Span<byte> destination)
    {
        var span = last - first;
        if (span == UInt128.MaxValue)
        {
            WholeIpv6Space.CopyTo(destination);
            return WholeIpv6Space.Length;
        }

        (span + 1).TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }
}
