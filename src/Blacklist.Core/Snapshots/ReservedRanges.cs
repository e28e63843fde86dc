using Blacklist.Core.Addresses;

namespace Blacklist.Core.Snapshots;

/// <summary>A special-purpose block that is never served unless the operator says so.</summary>
public sealed record ReservedRange(string Name, IpRange Range);

/// <summary>
/// The built-in reserved set (IANA special-purpose registries, RFC 6890 and successors): addresses
/// that are never a real attacker on the internet, so serving them could only cut a firewall off
/// from its own network.
/// </summary>
public static class ReservedRanges
{
    public static IReadOnlyList<ReservedRange> All { get; } =
    [
        V4("this network (RFC 791)", "0.0.0.0/8"),
        V4("private (RFC 1918)", "10.0.0.0/8"),
        V4("shared address space / CGNAT (RFC 6598)", "100.64.0.0/10"),
        V4("loopback (RFC 1122)", "127.0.0.0/8"),
        V4("link-local (RFC 3927)", "169.254.0.0/16"),
        V4("private (RFC 1918)", "172.16.0.0/12"),
        V4("IETF protocol assignments (RFC 6890)", "192.0.0.0/24"),
        V4("documentation TEST-NET-1 (RFC 5737)", "192.0.2.0/24"),
        V4("private (RFC 1918)", "192.168.0.0/16"),
        V4("benchmarking (RFC 2544)", "198.18.0.0/15"),
        V4("documentation TEST-NET-2 (RFC 5737)", "198.51.100.0/24"),
        V4("documentation TEST-NET-3 (RFC 5737)", "203.0.113.0/24"),
        V4("multicast (RFC 5771)", "224.0.0.0/4"),
        V4("reserved and limited broadcast (RFC 1112, RFC 919)", "240.0.0.0/4"),
        V6("unspecified (RFC 4291)", "::/128"),
        V6("loopback (RFC 4291)", "::1/128"),
        V6("IPv4-mapped (RFC 4291)", "::ffff:0:0/96"),
        V6("IPv4-IPv6 translation, local use (RFC 8215)", "64:ff9b:1::/48"),
        V6("discard-only (RFC 6666)", "100::/64"),
        V6("benchmarking (RFC 5180)", "2001:2::/48"),
        V6("documentation (RFC 3849)", "2001:db8::/32"),
        V6("documentation (RFC 9637)", "3fff::/20"),
        V6("unique local (RFC 4193)", "fc00::/7"),
        V6("link-local (RFC 4291)", "fe80::/10"),
        V6("site-local, deprecated (RFC 3879)", "fec0::/10"),
        V6("multicast (RFC 4291)", "ff00::/8"),
    ];

    /// <summary>All reserved blocks as one set, to subtract from what is served.</summary>
    public static IpSet Set { get; } = IpSet.FromRanges(All.Select(r => r.Range));

    /// <summary>The reserved block holding the address, or null when it is an ordinary address.</summary>
    public static ReservedRange? Find(IpFamily family, UInt128 value)
    {
        foreach (var reserved in All)
        {
            if (reserved.Range.Family == family && reserved.Range.Contains(value))
            {
                return reserved;
            }
        }

        return null;
    }

    private static ReservedRange V4(string name, string cidr)
    {
        var parsed = IpRangeParser.Parse(cidr.AsSpan());
        if (!parsed.Success || parsed.Range.Family != IpFamily.V4 || parsed.Warning is not null)
        {
            throw new InvalidOperationException($"Built-in reserved range '{cidr}' does not parse cleanly: {parsed.Error ?? parsed.Warning}");
        }

        return new ReservedRange(name, parsed.Range);
    }

    // Read directly rather than through the range parser, which turns IPv4-mapped IPv6 into IPv4.
    private static ReservedRange V6(string name, string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        Span<byte> bytes = stackalloc byte[16];
        System.Net.IPAddress.Parse(cidr.AsSpan(0, slash)).TryWriteBytes(bytes, out _);
        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
        var prefix = int.Parse(cidr.AsSpan(slash + 1), System.Globalization.CultureInfo.InvariantCulture);
        return new ReservedRange(name, IpRange.FromCidr(IpFamily.V6, value, prefix));
    }
}
