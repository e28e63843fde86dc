using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Blacklist.Core.Addresses;

/// <summary>The outcome of parsing one address token: a range, an optional warning, or an error.</summary>
public readonly record struct RangeParseResult(bool Success, IpRange Range, string? Warning, string? Error)
{
    internal static RangeParseResult Ok(IpRange range, string? warning = null) => new(true, range, warning, null);

    internal static RangeParseResult Fail(string error) => new(false, default, null, error);
}

/// <summary>
/// Parses one address token: "a", "a/prefix", "a/netmask", "a-b" (spaces around the dash allowed),
/// for IPv4 and IPv6. IPv4-mapped IPv6 becomes IPv4; host bits of a CIDR are masked with a warning.
/// The token must already be isolated from comments and trailing text.
/// </summary>
public static class IpRangeParser
{
    /// <summary>Longest token worth looking at; anything longer is not an address.</summary>
    public const int MaxTokenLength = 100;

    /// <summary>What an address looks like, appended to errors so the reader knows what to write instead.</summary>
    private const string Examples = "e.g. 192.0.2.1, 192.0.2.0/24, 192.0.2.0/255.255.255.0, 192.0.2.1-192.0.2.9 or 2001:db8::/32";

    private const string V6Shape = "an IPv6 address is eight groups of up to four hex digits separated by ':', with at most one '::' standing for a run of zero groups (e.g. 2001:db8::1)";

    private static readonly SearchValues<byte> V6AddressBytes = SearchValues.Create("0123456789abcdefABCDEF:."u8);
    private static readonly SearchValues<byte> DecimalAddressBytes = SearchValues.Create("0123456789."u8);

    public static RangeParseResult Parse(ReadOnlySpan<char> token)
    {
        token = token.Trim();
        if (token.Length > MaxTokenLength)
        {
            return RangeParseResult.Fail($"'{Shorten(token)}' is too long to be an address.");
        }

        Span<byte> utf8 = stackalloc byte[token.Length];
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] > 127)
            {
                return RangeParseResult.Fail($"'{Shorten(token)}' contains a non-ASCII character; an address uses digits, hex letters, '.', ':', '/' and '-'.");
            }

            utf8[i] = (byte)token[i];
        }

        return Parse(utf8);
    }

    public static RangeParseResult Parse(ReadOnlySpan<byte> token)
    {
        token = token.Trim(" \t"u8);
        if (token.IsEmpty)
        {
            return RangeParseResult.Fail(EmptyAddress);
        }

        if (token.Length > MaxTokenLength)
        {
            return RangeParseResult.Fail($"'{Text(token)}' is too long to be an address.");
        }

        var slash = token.IndexOf((byte)'/');
        if (slash >= 0)
        {
            return ParseSlash(token[..slash], token[(slash + 1)..], token);
        }

        var dash = token.IndexOf((byte)'-');
        if (dash >= 0)
        {
            return ParseDashRange(token[..dash].TrimEnd(" \t"u8), token[(dash + 1)..].TrimStart(" \t"u8), token);
        }

        if (!TryParseAddress(token, out var family, out var value, out var error))
        {
            return RangeParseResult.Fail(error);
        }

        return RangeParseResult.Ok(new IpRange(family, value, value));
    }

    /// <summary>Parses one address (no prefix, no range); IPv4-mapped IPv6 becomes IPv4.</summary>
    public static bool TryParseAddress(ReadOnlySpan<byte> text, out IpFamily family, out UInt128 value, out string error)
    {
        if (text.IsEmpty)
        {
            (family, value, error) = (default, default, EmptyAddress);
            return false;
        }

        if (TryParseV4(text, out var v4))
        {
            family = IpFamily.V4;
            value = v4;
            error = string.Empty;
            return true;
        }

        if (text.IndexOf((byte)':') >= 0)
        {
            return TryParseV6(text, out family, out value, out error);
        }

        family = default;
        value = default;
        error = DescribeBadV4(text);
        return false;
    }

    public static bool TryParseAddress(ReadOnlySpan<char> text, out IpFamily family, out UInt128 value, out string error)
    {
        var result = Parse(text);
        if (result.Success && result.Range.IsSingleAddress && text.IndexOfAny('/', '-') < 0)
        {
            family = result.Range.Family;
            value = result.Range.First;
            error = string.Empty;
            return true;
        }

        family = default;
        value = default;
        error = result.Error ?? $"'{text.ToString()}' is a range, not one address.";
        return false;
    }

    /// <summary>Strict dotted-quad IPv4: four decimal octets 0-255, no leading zeros (they read as octal elsewhere).</summary>
    public static bool TryParseV4(ReadOnlySpan<byte> text, out uint value)
    {
        value = 0;
        var octets = 0;
        var i = 0;
        while (true)
        {
            if (i >= text.Length)
            {
                return false;
            }

            var start = i;
            uint octet = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                octet = (octet * 10) + (uint)(text[i] - '0');
                i++;
                if (i - start > 3)
                {
                    return false;
                }
            }

            var digits = i - start;
            if (digits == 0 || octet > 255 || (digits > 1 && text[start] == '0'))
            {
                return false;
            }

            value = (value << 8) | octet;
            octets++;
            if (octets == 4)
            {
                return i == text.Length;
            }

            if (i >= text.Length || text[i] != '.')
            {
                return false;
            }

            i++;
        }
    }

    private static bool TryParseV6(ReadOnlySpan<byte> text, out IpFamily family, out UInt128 value, out string error)
    {
        family = default;
        value = default;
        var zone = text.IndexOf((byte)'%');
        if (zone >= 0)
        {
            error = $"'{Text(text)}' has a zone id ('{Text(text[zone..])}'); remove it: a blocklist holds global addresses.";
            return false;
        }

        Span<char> chars = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = (char)text[i];
        }

        if (text.IndexOfAnyExcept(V6AddressBytes) >= 0
            || !IPAddress.TryParse(chars, out var address)
            || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            error = DescribeBadV6(text);
            return false;
        }

        (family, value) = IpRange.ToNumber(address);
        error = string.Empty;
        return true;
    }

    private static RangeParseResult ParseSlash(ReadOnlySpan<byte> addressPart, ReadOnlySpan<byte> maskPart, ReadOnlySpan<byte> whole)
    {
        if (!TryParseAddress(addressPart, out var family, out var address, out var error))
        {
            return RangeParseResult.Fail(error);
        }

        // An IPv6 token that was IPv4-mapped counts its prefix over 128 bits: ::ffff:1.2.3.0/120 is 1.2.3.0/24.
        var mappedV6 = family == IpFamily.V4 && addressPart.IndexOf((byte)':') >= 0;
        int prefix;
        if (TryParseSmallInt(maskPart, out var number))
        {
            prefix = mappedV6 ? number - 96 : number;
            var bits = family.Bits();
            if (prefix < 0 || prefix > bits || (mappedV6 && number > 128))
            {
                return RangeParseResult.Fail(mappedV6
                    ? $"'{Text(whole)}' has prefix length /{number}; an IPv4-mapped IPv6 prefix must be 96 to 128."
                    : $"'{Text(whole)}' has prefix length /{number}; an {FamilyName(family)} prefix must be 0 to {bits}.");
            }
        }
        else if (family == IpFamily.V4 && !mappedV6 && TryParseV4(maskPart, out var mask))
        {
            var ones = (int)uint.LeadingZeroCount(~mask);
            if (ones < 32 && (mask << ones) != 0)
            {
                return RangeParseResult.Fail($"'{Text(whole)}' has netmask {Text(maskPart)}, which is not contiguous ones then zeros (e.g. 255.255.255.0).");
            }

            prefix = ones;
        }
        else
        {
            return RangeParseResult.Fail($"'{Text(whole)}' has '{Text(maskPart)}' after '/': expected a prefix length (e.g. /24) or an IPv4 netmask (e.g. /255.255.255.0).");
        }

        var range = IpRange.FromCidr(family, address, prefix);
        return range.First != address
            ? RangeParseResult.Ok(range, $"'{Text(whole)}' has host bits set; using {range}.")
            : RangeParseResult.Ok(range);
    }

    private static RangeParseResult ParseDashRange(ReadOnlySpan<byte> firstPart, ReadOnlySpan<byte> lastPart, ReadOnlySpan<byte> whole)
    {
        if (!TryParseAddress(firstPart, out var family, out var first, out var error))
        {
            return RangeParseResult.Fail($"range '{Text(whole)}': {error}");
        }

        if (!TryParseAddress(lastPart, out var lastFamily, out var last, out error))
        {
            return RangeParseResult.Fail($"range '{Text(whole)}': {error}");
        }

        if (family != lastFamily)
        {
            return RangeParseResult.Fail($"range '{Text(whole)}' mixes IPv4 and IPv6; both ends must be of one family.");
        }

        if (first > last)
        {
            return RangeParseResult.Fail($"range '{Text(whole)}' ends before it starts; write the lower address first.");
        }

        return RangeParseResult.Ok(new IpRange(family, first, last));
    }

    private static bool TryParseSmallInt(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 3)
        {
            return false;
        }

        foreach (var b in text)
        {
            if ((uint)(b - '0') > 9)
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static string DescribeBadV4(ReadOnlySpan<byte> text)
    {
        var shown = Text(text);
        if (text.IndexOfAnyExcept(DecimalAddressBytes) >= 0)
        {
            return $"'{shown}' is not an IP address; expected an address, {Examples}.";
        }

        var parts = shown.Split('.');
        if (parts.Length != 4)
        {
            return $"'{shown}' is not a valid IPv4 address: expected four numbers separated by dots, found {parts.Length}.";
        }

        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                return $"'{shown}' is not a valid IPv4 address: an octet is empty.";
            }

            if (part.Length > 1 && part[0] == '0')
            {
                return $"'{shown}' is not a valid IPv4 address: octet '{part}' has a leading zero (ambiguous: octal or decimal?).";
            }

            if (part.Length > 3 || int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return $"'{shown}' is not a valid IPv4 address: octet {part} is over 255.";
            }
        }

        return $"'{shown}' is not a valid IPv4 address; expected four numbers 0-255 separated by dots.";
    }

    private static string DescribeBadV6(ReadOnlySpan<byte> text)
    {
        var shown = Text(text);
        var bad = text.IndexOfAnyExcept(V6AddressBytes);
        if (bad >= 0)
        {
            return $"'{shown}' is not a valid IPv6 address: '{(char)text[bad]}' is not a hex digit; {V6Shape}.";
        }

        var compressions = text.IndexOf(":::"u8) >= 0 ? 2 : text.Count("::"u8);
        if (compressions > 1)
        {
            return $"'{shown}' is not a valid IPv6 address: it uses '::' more than once; {V6Shape}.";
        }

        var groups = text.Count((byte)':') + 1;
        if (groups > 8)
        {
            return $"'{shown}' is not a valid IPv6 address: it has {groups} groups; {V6Shape}.";
        }

        return $"'{shown}' is not a valid IPv6 address; {V6Shape}.";
    }

    private static string FamilyName(IpFamily family) => family == IpFamily.V4 ? "IPv4" : "IPv6";

    private static string EmptyAddress => $"empty address: expected an address, {Examples}.";

    private static string Text(ReadOnlySpan<byte> utf8) => Shorten(System.Text.Encoding.UTF8.GetString(utf8));

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 60 ? text.ToString() : string.Concat(text[..57], "...");
}
