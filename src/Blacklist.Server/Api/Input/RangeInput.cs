using Blacklist.Core.Addresses;

namespace Blacklist.Server.Api.Input;

/// <summary>
/// Reads the one address field of a write request: exactly one of "ip" (one address), "cidr"
/// (a/prefix, no host bits set) or "range" (first-last). Errors name the field and say what to send.
/// </summary>
internal static class RangeInput
{
    public static bool TryParse(string? ip, string? cidr, string? range, out IpRange result, out string field, out string error)
    {
        result = default;
        var given = new[] { ("ip", ip), ("cidr", cidr), ("range", range) }.Where(f => !string.IsNullOrWhiteSpace(f.Item2)).ToList();
        if (given.Count != 1)
        {
            field = "ip";
            error = given.Count == 0
                ? "Give the address to act on in exactly one of \"ip\" (203.0.113.7), \"cidr\" (203.0.113.0/24) or \"range\" (203.0.113.10-203.0.113.20)."
                : $"Give only one of \"ip\", \"cidr\" or \"range\"; this request has {string.Join(" and ", given.Select(g => $"\"{g.Item1}\""))}.";
            return false;
        }

        (field, var text) = given[0];
        var value = text!.Trim();
        var parsed = IpRangeParser.Parse(value.AsSpan());
        if (!parsed.Success)
        {
            error = $"{parsed.Error} Send {Example(field)}.";
            return false;
        }

        switch (field)
        {
            case "ip" when !parsed.Range.IsSingleAddress || value.IndexOfAny(['/', '-']) >= 0:
                error = $"'{value}' is not one address; use \"cidr\" or \"range\" for several, or send {Example(field)}.";
                return false;
            case "cidr" when !value.Contains('/', StringComparison.Ordinal):
                error = $"'{value}' has no prefix length; send {Example(field)}, or use \"ip\" for one address.";
                return false;
            case "cidr" when parsed.Warning is not null:
                error = $"'{value}' has host bits set; send the network address {parsed.Range}, or use \"range\" for exactly the addresses you mean.";
                return false;
            case "range" when !value.Contains('-', StringComparison.Ordinal):
                error = $"'{value}' is not a first-last range; send {Example(field)}.";
                return false;
        }

        result = parsed.Range;
        error = "";
        return true;
    }

    private static string Example(string field) => field switch
    {
        "cidr" => "a network with its prefix length such as 203.0.113.0/24 or 2001:db8::/48",
        "range" => "two addresses joined by '-', such as 203.0.113.10-203.0.113.20",
        _ => "one IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::7",
    };
}
