using System.Net;
using Blacklist.Core.Addresses;

namespace Blacklist.Server.Security;

/// <summary>A configured list of addresses/CIDRs, checked against a client address.</summary>
internal sealed class NetworkList
{
    private readonly IpSet _set;

    private NetworkList(IpSet set, bool isEmpty)
    {
        _set = set;
        IsEmpty = isEmpty;
    }

    public bool IsEmpty { get; }

    /// <summary>Parses every entry; throws naming the setting and the entry when one is not an address or network.</summary>
    public static NetworkList Parse(IEnumerable<string> entries, string setting)
    {
        var builder = new IpSetBuilder();
        var any = false;
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                continue;
            }

            var parsed = IpRangeParser.Parse(entry.Trim().AsSpan());
            if (!parsed.Success)
            {
                throw new InvalidOperationException($"{setting}: '{entry}' is not an address or CIDR network ({parsed.Error}).");
            }

            builder.Add(parsed.Range);
            any = true;
        }

        return new NetworkList(builder.Build(), !any);
    }

    public bool Contains(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        return _set.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }
}
